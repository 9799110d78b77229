package com.solduel.operator.customresource;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** One SOL Duel deployment: the seed's whole set of Kubernetes objects, kept in shape by the operator. */
@Group(SolDuel.GROUP)
@Version(SolDuel.VERSION)
@ShortNames("sd")
@AdditionalPrinterColumn(name = "Environment", jsonPath = ".spec.environment", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason", type = AdditionalPrinterColumn.Type.STRING)
public class SolDuel extends CustomResource<SolDuelSpec, SolDuelStatus> implements Namespaced {
    public static final String GROUP = "solduel.com";
    public static final String VERSION = "v1alpha1";
}
