/**
 * Strict parsing of what a request carries, in one place: JSON bodies bound to the request
 * records ({@link com.solduel.api.input.StrictJsonBodyReader}), and integer path, query and header
 * parameters ({@link com.solduel.api.input.StrictNumberParams}). Nothing is wrapped, rounded,
 * truncated or coerced from another JSON type; a refusal names the field.
 */
package com.solduel.api.input;
