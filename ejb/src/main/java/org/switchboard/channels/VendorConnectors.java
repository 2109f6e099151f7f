package org.switchboard.channels;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.switchboard.channels.fake.FakeVendorConnector;
import org.switchboard.channels.fake.FakeVendorSettings;

/** Finds the connector of a channel's vendor. */
@ApplicationScoped
public class VendorConnectors {

    static final List<String> NAMES = List.of(FakeVendorConnector.NAME);

    @Inject
    private FakeVendorConnector fake;

    /** The vendors channels may be on. */
    public static List<String> names() {
        return NAMES;
    }

    static boolean supports(String vendor) {
        return NAMES.contains(vendor);
    }

    /** Checks a channel's settings for its vendor (null: none). */
    public static void checkSettings(String vendor, String settings) {
        if (FakeVendorConnector.NAME.equals(vendor)) {
            FakeVendorSettings.of(settings);
        } else if (settings != null) {
            throw new IllegalArgumentException("Vendor '" + vendor + "' has no settings");
        }
    }

    public VendorConnector of(Channel channel) {
        if (FakeVendorConnector.NAME.equals(channel.getVendor())) {
            return fake;
        }
        throw new IllegalStateException("No connector for vendor '" + channel.getVendor() + "'");
    }
}
