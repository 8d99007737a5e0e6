package io.github.lambdasim.scenario;

/** The AWS account the functions share: its concurrency limit. */
public record AccountSpec(int concurrencyLimit) {
}
