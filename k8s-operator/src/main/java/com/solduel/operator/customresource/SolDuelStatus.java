package com.solduel.operator.customresource;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** What the operator last saw: Ready, Progressing and Degraded conditions and where players reach the app. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SolDuelStatus {
    public Long observedGeneration;
    public List<Condition> conditions = new ArrayList<>();
    public Endpoints endpoints;
    public Integer apiReadyReplicas;
    public Integer engineReadyReplicas;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Endpoints {
        public String api;
        public String game;
    }
}
