/**
 * The admin audit log (issue 13): every admin action that changes something is one append-only
 * row, written by {@link com.solduel.audit.AdminAudit#perform} in the same JTA transaction as the
 * action itself, so a refused or rolled-back action leaves no row. The database refuses any change
 * to a written row (changelog 010).
 */
package com.solduel.audit;
