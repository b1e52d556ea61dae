package clinic.threshold.ui.common;

import clinic.threshold.domain.common.AccessDeniedException;
import clinic.threshold.domain.common.ConcurrentEditException;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.common.ValidationException;

/** Failures that are part of normal use (the user is told) versus those worth a line in the log. */
final class Expected {
    private static final int FRAMES = 12;

    private Expected() {
    }

    static boolean isExpected(Throwable t) {
        return t instanceof ValidationException || t instanceof ConcurrentEditException
                || t instanceof NotFoundException
                || t instanceof AccessDeniedException;
    }

    /** Exception types and the top stack frames of each cause, without any message text. */
    static String describeWithoutMessages(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c == t ? "" : "\n  caused by ").append(c.getClass().getName());
            StackTraceElement[] frames = c.getStackTrace();
            for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
                b.append("\n    at ").append(frames[i]);
            }
        }
        return b.toString();
    }
}
