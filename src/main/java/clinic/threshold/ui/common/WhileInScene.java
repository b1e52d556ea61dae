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

    public static void every(Node node, double seconds, Runnable check) {
        Timeline poll = new Timeline(new KeyFrame(Duration.seconds(seconds), e -> check.run()));
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
}
