package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.engine.RandomStream;
import io.github.lambdasim.scenario.DistributionSpec;
import io.github.lambdasim.scenario.PlatformSpec;
import io.github.lambdasim.scenario.ScenarioLoader;
import io.github.lambdasim.scenario.StepSpec;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

/**
 * The function's work, exactly: sequential I/O takes the sum of its calls, parallel I/O the
 * slowest (for N exponential calls the mean is mean x H_N), a batch one call; CPU time scales
 * with the vCPU share of memory, capped at one vCPU per thread, and threads never speed up work
 * below one vCPU. A workload cut into segments (at the steps that wait outside the function)
 * draws the same uniforms in the same order, segment after segment, as it does whole.
 */
class WorkloadTest {
    private static final PlatformSpec CURRENT = ScenarioLoader.preset("current", "us-east-1");
    private static final PlatformSpec Y2019 = ScenarioLoader.preset("2019", "us-east-1");

    private static StepSpec.Io io(int calls, StepSpec.IoMode mode, DistributionSpec latency) {
        return new StepSpec.Io("db", calls, mode, latency);
    }

    private static long once(List<StepSpec> steps, double cpuFactor) {
        return new Workload(steps, cpuFactor).sampleMicros(RandomStream.of(1, "t", 0));
    }

    @Test
    void stepArithmeticWithConstantLatencies() {
        DistributionSpec tenMs = new DistributionSpec.Constant(10_000);
        assertEquals(30_000, once(List.of(io(3, StepSpec.IoMode.SEQUENTIAL, tenMs)), 1));
        assertEquals(10_000, once(List.of(io(3, StepSpec.IoMode.PARALLEL, tenMs)), 1));
        assertEquals(10_000, once(List.of(io(25, StepSpec.IoMode.BATCH, tenMs)), 1));
        assertEquals(5_000 + 30_000 + 2_000 * 3,
                once(List.of(new StepSpec.Wait(new DistributionSpec.Constant(5_000)), io(3, StepSpec.IoMode.SEQUENTIAL, tenMs),
                        new StepSpec.Cpu(new DistributionSpec.Constant(2_000))), 3.0));
    }

    @Test
    void parallelExponentialCallsTakeMeanTimesHarmonicNumber() {
        int n = 5;
        double mean = 20_000;
        double harmonic = 1 + 1 / 2.0 + 1 / 3.0 + 1 / 4.0 + 1 / 5.0;
        check(new Workload(List.of(io(n, StepSpec.IoMode.PARALLEL, new DistributionSpec.Exponential(mean))), 1),
                mean * harmonic);
        check(new Workload(List.of(io(n, StepSpec.IoMode.SEQUENTIAL, new DistributionSpec.Exponential(mean))), 1),
                mean * n);
    }

    /** The sample mean of 100,000 runs is within 4.5 standard errors of the exact mean. */
    private static void check(Workload w, double expectedMean) {
        RandomStream r = RandomStream.of(7, "workload-test", 0);
        SummaryStatistics s = new SummaryStatistics();
        for (int i = 0; i < 100_000; i++) {
            s.addValue(w.sampleMicros(r));
        }
        double se = s.getStandardDeviation() / Math.sqrt(s.getN());
        assertEquals(expectedMean, s.getMean(), 4.5 * se, "mean of " + s.getN() + " runs");
    }

    @Test
    void cpuTimeScalesWithMemoryUpToOneVcpuPerThread() {
        // One thread: 128 MB buys 128/1769 of a vCPU; 1,769 MB a full one; more memory no more speed.
        assertEquals(1769 / 128.0, Workload.cpuFactor(128, CURRENT, 1, 1, 0), 1e-12);
        assertEquals(1.0, Workload.cpuFactor(1769, CURRENT, 1, 1, 0), 1e-12);
        assertEquals(1.0, Workload.cpuFactor(3538, CURRENT, 1, 1, 0), 1e-12);
        assertEquals(1.0, Workload.cpuFactor(10240, CURRENT, 1, 1, 0), 1e-12);
        // Two threads keep improving up to two vCPUs, then stop. Above 1,769 MB the share grows by
        // 5 vCPUs over the 8,471 MB up to 10,240 MB: 2,654 MB buys 1 + 885 x 5 / 8,471 vCPUs.
        assertEquals(1 / (1 + 885 * 5 / 8471.0), Workload.cpuFactor(2654, CURRENT, 2, 1, 0), 1e-12);
        assertEquals(0.5, Workload.cpuFactor(3538, CURRENT, 2, 1, 0), 1e-12);
        assertEquals(0.5, Workload.cpuFactor(10240, CURRENT, 2, 1, 0), 1e-12);
        // Eight threads on the largest function get all of its 6 vCPUs.
        assertEquals(1 / 6.0, Workload.cpuFactor(10240, CURRENT, 8, 1, 0), 1e-12);
        // Amdahl: half the work serial on 4 threads at 4 vCPUs: 0.5 + 0.5 / 4.
        assertEquals(0.625, Workload.cpuFactor(4 * 1769, CURRENT, 4, 0.5, 0), 1e-12);
        // 2019: one vCPU at 1,792 MB.
        assertEquals(1.0, Workload.cpuFactor(1792, Y2019, 1, 1, 0), 1e-12);
        assertEquals(1792 / 1024.0, Workload.cpuFactor(1024, Y2019, 2, 1, 0), 1e-12);
    }

    @Test
    void theVcpuShareReachesSixAtTheLargestMemory() {
        // Lambda Developer Guide: 1,769 MB = one vCPU; AWS News Blog (Dec 2020): 6 vCPUs at 10,240 MB.
        // Between them the share is linear (platform-presets.yaml says why): halfway, at 6,004.5 MB, 3.5.
        assertEquals(128 / 1769.0, Workload.vcpuShare(128, CURRENT), 1e-12);
        assertEquals(1.0, Workload.vcpuShare(1769, CURRENT), 1e-12);
        assertEquals(1 + 4235 * 5 / 8471.0, Workload.vcpuShare(6004, CURRENT), 1e-12);
        assertEquals(6.0, Workload.vcpuShare(10240, CURRENT), 1e-12);
        for (int mb = 128; mb < 10240; mb += 7) {
            assertTrue(Workload.vcpuShare(mb, CURRENT) < Workload.vcpuShare(mb + 7, CURRENT), mb + " MB");
        }
        // 2019: one vCPU per 1,792 MB throughout; the largest, 3,008 MB, buys 1.68.
        assertEquals(3008 / 1792.0, Workload.vcpuShare(3008, Y2019), 1e-12);
    }

    @Test
    void threadsBelowOneVcpuAddOverheadNeverSpeed() {
        double one = Workload.cpuFactor(512, CURRENT, 1, 1, 0);
        assertEquals(one, Workload.cpuFactor(512, CURRENT, 4, 1, 0), 1e-12);
        assertEquals(one * (1 + 0.05 * 3), Workload.cpuFactor(512, CURRENT, 4, 1, 0.05), 1e-12);
        assertTrue(Workload.cpuFactor(512, CURRENT, 4, 1, 0.05) > one);
    }

    @Test
    void segmentsDrawWhatTheWholeDraws() {
        DistributionSpec lognormal = DistributionSpec.LogNormal.ofMedianP99(5_000, 40_000);
        List<StepSpec> steps = List.of(new StepSpec.Cpu(lognormal), io(3, StepSpec.IoMode.SEQUENTIAL, lognormal),
                new StepSpec.Cpu(lognormal), io(2, StepSpec.IoMode.PARALLEL, lognormal), new StepSpec.Cpu(lognormal));
        Workload whole = new Workload(steps, 1.5);
        assertEquals(1, whole.segmentCount(), "no invoke step: one segment");
        // Cut after each I/O step, as the steps that call another function will be.
        Workload cut = new Workload(steps, 1.5, step -> step instanceof StepSpec.Io);
        assertEquals(3, cut.segmentCount());
        RandomStream a = RandomStream.of(4, "segments", 0);
        RandomStream b = RandomStream.of(4, "segments", 0);
        for (int i = 0; i < 1000; i++) {
            long total = 0;
            for (int s = 0; s < cut.segmentCount(); s++) {
                total += cut.sampleSegmentMicros(s, b);
            }
            // Each segment rounds to the microsecond on its own.
            assertEquals(whole.sampleMicros(a), total, cut.segmentCount());
        }
        assertEquals(a.nextDouble(), b.nextDouble(), "both drew the same number of uniforms");
    }

    private static StepSpec.Invoke invoke(StepSpec.InvokeMode mode, int calls, boolean parallel, DistributionSpec latency,
                                          String... functions) {
        return new StepSpec.Invoke(List.of(functions), mode, calls, parallel, latency);
    }

    @Test
    void invokeStepsCutTheWorkloadIntoSegments() {
        DistributionSpec tenMs = new DistributionSpec.Constant(10_000);
        DistributionSpec fiveMs = new DistributionSpec.Constant(5_000);
        StepSpec.Invoke callB = invoke(StepSpec.InvokeMode.SYNC, 1, false, null, "b");
        StepSpec.Invoke eventsCd = invoke(StepSpec.InvokeMode.ASYNC, 1, false, fiveMs, "c", "d");
        StepSpec.Invoke callE = invoke(StepSpec.InvokeMode.SYNC, 3, true, null, "e");
        Workload w = new Workload(List.of(new StepSpec.Cpu(tenMs), callB, io(2, StepSpec.IoMode.SEQUENTIAL, tenMs),
                eventsCd, new StepSpec.Wait(new DistributionSpec.Constant(3_000)), callE), 2.0);
        // Each invoke step ends a segment; the last step being one, the last segment is empty.
        assertEquals(4, w.segmentCount());
        assertEquals(List.of(callB, eventsCd, callE), w.calls());
        assertEquals(0, w.invokeAfter(0));
        assertEquals(1, w.invokeAfter(1));
        assertEquals(2, w.invokeAfter(2));
        assertEquals(-1, w.invokeAfter(3));
        RandomStream r = RandomStream.of(1, "t", 0);
        // 10 ms of CPU at half a vCPU; the synchronous call itself takes nothing (the caller waits on b).
        assertEquals(20_000, w.sampleSegmentMicros(0, r));
        // Two sequential I/O calls, then the asynchronous invoke's round trips, one per callee in turn.
        assertEquals(20_000 + 2 * 5_000, w.sampleSegmentMicros(1, r));
        assertEquals(3_000, w.sampleSegmentMicros(2, r));
        assertEquals(0, w.sampleSegmentMicros(3, r));
        assertEquals(53_000, w.sampleMicros(r));

        // All at once: the slowest round trip; calls to each callee count too.
        Workload fanOut = new Workload(List.of(invoke(StepSpec.InvokeMode.ASYNC, 2, true,
                new DistributionSpec.Uniform(1_000, 9_000), "c", "d", "f")), 1);
        Workload inTurn = new Workload(List.of(invoke(StepSpec.InvokeMode.ASYNC, 2, false,
                new DistributionSpec.Uniform(1_000, 9_000), "c", "d", "f")), 1);
        assertEquals(2, fanOut.segmentCount());
        assertEquals(0, fanOut.sampleSegmentMicros(1, r));
        // The maximum of 6 uniforms on [1, 9] ms has mean 1 + 8 x 6/7 ms; their sum 6 x 5 ms.
        check(fanOut, 1_000 + 8_000 * 6 / 7.0);
        check(inTurn, 6 * 5_000);
    }

    @Test
    void aWorkloadThatStartsWithACallHasAnEmptyFirstSegment() {
        Workload w = new Workload(List.of(invoke(StepSpec.InvokeMode.SYNC, 1, false, null, "b"),
                new StepSpec.Cpu(new DistributionSpec.Constant(7_000))), 1);
        assertEquals(2, w.segmentCount());
        RandomStream r = RandomStream.of(1, "t", 0);
        assertEquals(0, w.sampleSegmentMicros(0, r));
        assertEquals(7_000, w.sampleSegmentMicros(1, r));
        assertEquals(0, w.invokeAfter(0));
        assertEquals(-1, w.invokeAfter(1));
    }

    @Test
    void segmentsCutAtInvokeStepsDrawWhatTheWholeDraws() {
        DistributionSpec lognormal = DistributionSpec.LogNormal.ofMedianP99(5_000, 40_000);
        Workload w = new Workload(List.of(new StepSpec.Cpu(lognormal), invoke(StepSpec.InvokeMode.SYNC, 2, false, null, "b"),
                io(3, StepSpec.IoMode.PARALLEL, lognormal), invoke(StepSpec.InvokeMode.ASYNC, 2, false, lognormal, "c", "d"),
                new StepSpec.Wait(lognormal)), 1.5);
        assertEquals(3, w.segmentCount());
        RandomStream a = RandomStream.of(4, "segments", 0);
        RandomStream b = RandomStream.of(4, "segments", 0);
        for (int i = 0; i < 1000; i++) {
            long total = 0;
            for (int s = 0; s < w.segmentCount(); s++) {
                total += w.sampleSegmentMicros(s, b);
            }
            assertEquals(w.sampleMicros(a), total, w.segmentCount());
        }
        assertEquals(a.nextDouble(), b.nextDouble(), "both drew the same number of uniforms");
    }
}
