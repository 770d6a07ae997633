package org.fedoraproject.preflight.adapter.desktop;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.Position;

/**
 * One size of a StatusNotifierItem's IconPixmap: width, height, and ARGB32 pixels in network
 * byte order, as the specification asks. A host that cannot find the icon by name (Preflight run
 * from a jar, whose icons are not installed in the theme) draws these.
 */
public final class IconPixmap extends Struct {

    /** The D-Bus signature of the property: a list of sizes. */
    public static final String SIGNATURE = "a(iiay)";

    @Position(0)
    private final int width;
    @Position(1)
    private final int height;
    @Position(2)
    private final byte[] pixels;

    public IconPixmap(int width, int height, byte[] pixels) {
        this.width = width;
        this.height = height;
        this.pixels = pixels.clone();
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }

    public byte[] getPixels() {
        return pixels.clone();
    }

    /** The PNGs of the jar's resources that exist, each as a pixmap; none when none can be read. */
    static List<IconPixmap> fromResources(List<String> pngs) {
        List<IconPixmap> sizes = new ArrayList<>();
        for (String png : pngs) {
            try (InputStream in = IconPixmap.class.getResourceAsStream(png)) {
                BufferedImage image = in == null ? null : ImageIO.read(in);
                if (image != null) {
                    sizes.add(of(image));
                }
            } catch (IOException e) {
                // that size is left out; the icon's name still stands
            }
        }
        return sizes;
    }

    static IconPixmap of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] argb = new byte[w * h * 4];
        int k = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = image.getRGB(x, y);
                argb[k++] = (byte) (p >>> 24);
                argb[k++] = (byte) (p >>> 16);
                argb[k++] = (byte) (p >>> 8);
                argb[k++] = (byte) p;
            }
        }
        return new IconPixmap(w, h, argb);
    }
}
