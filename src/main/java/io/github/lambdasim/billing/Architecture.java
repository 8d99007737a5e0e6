package io.github.lambdasim.billing;

import java.util.Locale;

/** The instruction set a function runs on; it sets the duration prices. */
public enum Architecture {
    X86_64("x86_64"),
    ARM64("arm64");

    private final String label;

    Architecture(String label) {
        this.label = label;
    }

    /** The name users write in scenarios and SAM templates ({@code x86_64}, {@code arm64}). */
    public String label() {
        return label;
    }

    /** Looks up a label, or returns null when there is none such. */
    public static Architecture named(String label) {
        for (Architecture a : values()) {
            if (a.label.equals(label.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        return null;
    }
}
