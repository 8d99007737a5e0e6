package io.github.lambdasim.model;

/**
 * What went through the service in front of a function (API Gateway, a function URL, an ALB).
 *
 * @param type            the service, as users write it ({@code http-api}...)
 * @param requests        synchronous requests that came through it, throttled ones included (each
 *                        is billed by it)
 * @param gatewayTimeouts requests whose caller got 504 at the integration timeout while the
 *                        function ran on (and was billed): counted when the invocation ends
 */
public record FrontDoorResult(String type, long requests, long gatewayTimeouts) {
}
