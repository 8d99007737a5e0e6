package io.github.lambdasim.scenario;

/**
 * How Lambda handles a function's asynchronous events (its EventInvokeConfig): how many times an
 * event that failed is retried, how old an event may grow before it is given up, and where an
 * event goes when it succeeds or is given up.
 *
 * @param maximumRetryAttempts  retries after a function error or timeout (0 to 2)
 * @param maximumEventAgeMicros age past which an event is no longer tried (60 s to 6 h)
 * @param onSuccess             where a successful event is sent, or null
 * @param onFailure             where an event that is given up is sent, or null (it is dropped)
 */
public record AsyncSpec(int maximumRetryAttempts, long maximumEventAgeMicros, Destination onSuccess,
                        Destination onFailure) {

    /**
     * Where an event goes after its last attempt: another function of the scenario, which receives
     * it as an asynchronous event of its own, or a place outside the scenario (an SQS queue, an SNS
     * topic, an EventBridge bus) where it is only counted, under the name given.
     *
     * @param function the function that receives the event, or null
     * @param external the name of the place outside the scenario, or null
     */
    public record Destination(String function, String external) {
        public Destination {
            if ((function == null) == (external == null)) {
                throw new IllegalArgumentException("a destination is a function or a place outside the scenario");
            }
        }

        public static Destination toFunction(String function) {
            return new Destination(function, null);
        }

        public static Destination outside(String name) {
            return new Destination(null, name);
        }

        public boolean isFunction() {
            return function != null;
        }

        /** How a report names it: the function's name, or the outside place's. */
        public String label() {
            return isFunction() ? function : external;
        }
    }
}
