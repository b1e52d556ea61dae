package clinic.threshold.ui.main;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;

/**
 * Watches keyboard and mouse activity in a window and calls back when the workstation has been idle for
 * the lock time, then for the sign-out time. Time comes from an injected clock, so tests can move it.
 */
public final class IdleMonitor {
    private static final Duration TICK = Duration.ofSeconds(1);

    private final Clock clock;
    private final Duration lockAfter;
    private final Duration signOutAfter;
    private final Runnable onLock;
    private final Runnable onSignOut;
    private final Timeline timeline;
    private final EventHandler<InputEvent> activity = e -> touch();
    private Instant lastActivity;
    private boolean lockFired;
    private Scene scene;

    public IdleMonitor(Clock clock, Duration lockAfter, Duration signOutAfter, Runnable onLock, Runnable onSignOut) {
        this.clock = clock;
        this.lockAfter = lockAfter;
        this.signOutAfter = signOutAfter;
        this.onLock = onLock;
        this.onSignOut = onSignOut;
        this.timeline = new Timeline(new KeyFrame(javafx.util.Duration.millis(TICK.toMillis()), e -> check()));
        this.timeline.setCycleCount(Timeline.INDEFINITE);
    }

    public void start(Scene watched) {
        this.scene = watched;
        touch();
        watched.addEventFilter(InputEvent.ANY, activity);
        timeline.play();
    }

    public void stop() {
        timeline.stop();
        if (scene != null) {
            scene.removeEventFilter(InputEvent.ANY, activity);
        }
    }

    /** Counts as activity (also called after unlocking). */
    public void touch() {
        lastActivity = clock.instant();
        lockFired = false;
    }

    /** Compares the idle time with the limits; runs every second on the JavaFX thread. */
    void check() {
        Duration idle = Duration.between(lastActivity, clock.instant());
        if (idle.compareTo(signOutAfter) >= 0) {
            stop();
            onSignOut.run();
        } else if (!lockFired && idle.compareTo(lockAfter) >= 0) {
            lockFired = true;
            onLock.run();
        }
    }
}
