package io.github.lambdasim.stats;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import org.HdrHistogram.Histogram;

/**
 * A histogram frozen into HdrHistogram's compressed encoding
 * ({@code Histogram.encodeIntoCompressedByteBuffer}): what a run's results keep of a latency
 * distribution, a few hundred bytes to a few kilobytes instead of a live histogram.
 */
public final class CompressedHistogram {
    private final byte[] bytes;
    private final long totalCount;

    private CompressedHistogram(byte[] bytes, long totalCount) {
        this.bytes = bytes;
        this.totalCount = totalCount;
    }

    public static CompressedHistogram of(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer, Deflater.BEST_COMPRESSION);
        return new CompressedHistogram(Arrays.copyOf(buffer.array(), length), h.getTotalCount());
    }

    /** The encoded bytes (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    public long totalCount() {
        return totalCount;
    }

    /** The histogram again. */
    public Histogram decode() {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a histogram this class encoded does not decode", e);
        }
    }
}
