package org.switchboard.engine;

/**
 * A vendor's error code, what it means and its page in the vendor's docs ({@code ServiceVendor.errorDescription}); kept
 * in the event of a message the vendor refused or failed to deliver.
 */
public record VendorError(String code, String description, String link) {

    /** "21211: Invalid 'To' Phone Number (https://...)". */
    @Override
    public String toString() {
        return code + ": " + description + (link == null ? "" : " (" + link + ")");
    }
}
