package org.switchboard.ui;

import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.util.function.Supplier;

/**
 * A value a view-scoped page reads once a request: a page's template asks for it many times while it renders (a
 * send's list, an import's state), and each ask would otherwise be a query. Forgotten between requests, and by
 * {@link #forget()} after an action that changes it.
 */
public final class PerRequest<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private transient T value;
    private transient FacesContext readFor;

    /** The value read in this request, or read now. */
    public T get(Supplier<T> read) {
        FacesContext request = FacesContext.getCurrentInstance();
        if (readFor != request) {
            value = read.get();
            readFor = request;
        }
        return value;
    }

    public void forget() {
        readFor = null;
        value = null;
    }
}
