package io.github.lambdasim.billing;

import java.util.Locale;

/**
 * The service in front of a function that receives synchronous traffic: it adds its own request
 * price (in {@code billing.yaml}) and, for API Gateway, its integration timeout (in the platform
 * presets).
 */
public enum FrontDoor {
    HTTP_API("http-api", "API Gateway HTTP API"),
    REST_API("rest-api", "API Gateway REST API"),
    FUNCTION_URL("function-url", "function URL"),
    ALB("alb", "Application Load Balancer");

    private final String label;
    private final String service;

    FrontDoor(String label, String service) {
        this.label = label;
        this.service = service;
    }

    /** The name users write ({@code http-api}, {@code rest-api}, {@code function-url}, {@code alb}). */
    public String label() {
        return label;
    }

    /** The service's name for people: {@code API Gateway HTTP API}. */
    public String service() {
        return service;
    }

    /** Looks up a label, or returns null when there is none such. */
    public static FrontDoor named(String label) {
        for (FrontDoor d : values()) {
            if (d.label.equals(label.toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        return null;
    }
}
