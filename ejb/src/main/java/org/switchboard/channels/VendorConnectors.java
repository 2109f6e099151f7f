package org.switchboard.channels;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.switchboard.channels.fake.FakeVendorConnector;

/** Finds the connector of a channel's vendor. */
@Stateless
public class VendorConnectors {

    static final List<String> NAMES = List.of(FakeVendorConnector.NAME);

    @Inject
    private FakeVendorConnector fake;

    static boolean supports(String vendor) {
        return NAMES.contains(vendor);
    }

    public VendorConnector of(Channel channel) {
        if (FakeVendorConnector.NAME.equals(channel.getVendor())) {
            return fake;
        }
        throw new IllegalStateException("No connector for vendor '" + channel.getVendor() + "'");
    }
}
