package clinic.threshold.ui.common;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.util.Duration;

/**
 * Runs a check on the JavaFX thread every few seconds while a node is in a scene, and stops when it leaves, so a
 * closed screen leaves no timer behind. The check itself must hand any database work to the task executor.
 */
public final class WhileInScene {
    private WhileInScene() {
    }

    /** Runs {@code check} every {@code seconds} while {@link #shown} holds for {@code node}. */
    public static void every(Node node, double seconds, Runnable check) {
        Timeline poll = new Timeline(new KeyFrame(Duration.seconds(seconds), e -> {
            if (shown(node)) {
                check.run();
            }
        }));
        poll.setCycleCount(Animation.INDEFINITE);
        node.sceneProperty().addListener((o, was, scene) -> {
            if (scene == null) {
                poll.stop();
            } else {
                poll.play();
            }
        });
        if (node.getScene() != null) {
            poll.play();
        }
    }

    /**
     * Shown to someone: its window open, and neither it nor a parent hidden (a tab not selected, the idle lock over
     * the main window). Screens do no work for nobody, and nothing runs behind the lock or after a window closed.
     */
    public static boolean shown(Node node) {
        javafx.scene.Scene scene = node.getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
