package org.fedoraproject.preflight.adapter.feed;

/**
 * A place in a JSON document, written out ({@code $.incidents[3].affected[0].fixed}) only when
 * a problem is reported: reading a large feed builds these, not strings.
 */
record JsonPath(JsonPath parent, String key, int index) {

    static final JsonPath ROOT = new JsonPath(null, null, -1);

    JsonPath field(String name) {
        return new JsonPath(this, name, -1);
    }

    JsonPath item(int i) {
        return new JsonPath(this, null, i);
    }

    @Override
    public String toString() {
        if (parent == null) {
            return "$";
        }
        return parent + (key != null ? "." + key : "[" + index + "]");
    }
}
