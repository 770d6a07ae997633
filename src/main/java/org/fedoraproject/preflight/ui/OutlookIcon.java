package org.fedoraproject.preflight.ui;

import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.Shape;
import org.fedoraproject.preflight.app.Outlook;

/**
 * The banner's icon, drawn as vector shapes so it is sharp at any scale: a tick in a circle
 * (safe), a triangle with a bar and dot (caution), a stop octagon with a bar (hold), a circle
 * with a bar and dot (affected), a circle with a question mark (unknown). The shape differs as
 * well as the colour, and the icon carries the outlook's word for screen readers.
 */
final class OutlookIcon {

    private static final double SIZE = 40;

    private OutlookIcon() {
    }

    static StackPane of(Outlook outlook, String words) {
        Shape back = switch (outlook) {
            case CAUTION -> new Polygon(20, 2, 39, 37, 1, 37);
            case HOLD -> new Polygon(12, 1, 28, 1, 39, 12, 39, 28, 28, 39, 12, 39, 1, 28, 1, 12);
            default -> new Circle(SIZE / 2);
        };
        back.getStyleClass().add("icon-back");
        SVGPath mark = new SVGPath();
        mark.setContent(switch (outlook) {
            case SAFE -> "M11 20.5 L17.5 27 L29.5 14";
            case CAUTION -> "M18.5 13 h3 v12 h-3 z M18.5 28 h3 v3 h-3 z";
            case HOLD -> "M9 18 h22 v4 h-22 z";
            case AFFECTED -> "M18.2 9 h3.6 v14 h-3.6 z M18.2 26.5 h3.6 v3.6 h-3.6 z";
            case UNKNOWN -> "M14.5 15.5 C14.5 9.5 25.5 9.5 25.5 15.5 C25.5 19.5 21.5 19.5 21.5 24 h-3 C18.5 18 22.5 18.5 22.5 15.5 "
                    + "C22.5 12.5 17.5 12.5 17.5 15.5 z M18.5 27 h3 v3 h-3 z";
        });
        mark.getStyleClass().add(outlook == Outlook.SAFE ? "icon-stroke" : "icon-mark");
        StackPane icon = new StackPane(back, mark);
        icon.getStyleClass().addAll(Styles.ICON, Styles.of("outlook", outlook.name()));
        icon.setMinSize(SIZE, SIZE);
        icon.setMaxSize(SIZE, SIZE);
        icon.setAccessibleText(words);
        icon.setFocusTraversable(false);
        return icon;
    }
}
