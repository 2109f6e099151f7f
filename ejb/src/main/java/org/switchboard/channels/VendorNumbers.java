package org.switchboard.channels;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * An account's numbers on a vendor: rented, released and put into messaging services at the vendor, and kept in the
 * account's inventory as the vendor answered. The vendor is called outside any transaction; its refusals are the
 * vendor's exceptions ({@link ServiceVendor.Unsupported}, {@link ServiceVendor.VendorException}).
 */
@ApplicationScoped
public class VendorNumbers {

    @Inject
    VendorAccounts store;

    @Inject
    ServiceVendors vendors;

    /** A number of the inventory as the APIs show it. */
    public record Number(String number, String areaCode, String vendorId, String messagingServiceSid,
            Instant boughtAt) {

        static Number of(VendorNumber row) {
            return new Number(row.getNumber(), row.getAreaCode(), row.getVendorId(), row.getMessagingServiceSid(),
                    row.getBoughtAt());
        }
    }

    /** The account's numbers on the vendor, in the area code if given. */
    public List<Number> list(String accountId, ServiceVendor vendor, String areaCode) {
        return views(store.numbers(accountId, vendor.metadata().name(), areaCode));
    }

    /** Rents up to {@code limit} numbers in the area code and keeps them in the inventory. */
    public List<Number> buy(String accountId, ServiceVendor vendor, String areaCode, int limit) {
        List<ServiceVendor.OwnedNumber> bought = vendor.buyNumbersInAreaCode(vendors.config(accountId, vendor),
                areaCode, limit);
        return views(store.add(accountId, vendor.metadata().name(), bought));
    }

    /** Releases the account's numbers in the area code at the vendor, then from the inventory. */
    public List<Number> release(String accountId, ServiceVendor vendor, String areaCode) {
        List<VendorNumber> rows = store.numbers(accountId, vendor.metadata().name(), areaCode);
        vendor.deleteNumbers(vendors.config(accountId, vendor), rows.stream().map(VendorNumber::owned).toList());
        store.remove(rows);
        return views(rows);
    }

    /**
     * Puts numbers of the inventory into the vendor's messaging service: those listed, else those in the area code.
     * Answers the service's numbers.
     *
     * @throws IllegalArgumentException when a listed number is not the account's
     */
    public List<Number> addToService(String accountId, ServiceVendor vendor, String sid, List<String> numbers,
            String areaCode) {
        String vendorName = vendor.metadata().name();
        List<VendorNumber> rows;
        if (numbers != null) {
            rows = store.numbers(accountId, vendorName, null).stream().filter(n -> numbers.contains(n.getNumber()))
                    .toList();
            if (rows.size() != numbers.size()) {
                throw new IllegalArgumentException("'numbers' must all be numbers of the account's inventory on "
                        + vendorName);
            }
        } else {
            rows = store.numbers(accountId, vendorName, areaCode);
        }
        vendor.addNumbersToMessagingService(vendors.config(accountId, vendor),
                rows.stream().map(VendorNumber::owned).toList(), sid);
        store.setService(accountId, vendorName, rows.stream().map(VendorNumber::getNumber).toList(), sid);
        return inService(accountId, vendorName, sid).stream().map(Number::of).toList();
    }

    /** Takes every number out of the vendor's messaging service; the numbers the vendor names (else ours). */
    public List<String> clearService(String accountId, ServiceVendor vendor, String sid) {
        String vendorName = vendor.metadata().name();
        List<String> removed = vendor.clearMessagingServicePhones(vendors.config(accountId, vendor), sid);
        List<String> ours = inService(accountId, vendorName, sid).stream().map(VendorNumber::getNumber).toList();
        store.setService(accountId, vendorName, ours, null);
        return removed.isEmpty() ? ours : removed;
    }

    private List<VendorNumber> inService(String accountId, String vendorName, String sid) {
        return store.numbers(accountId, vendorName, null).stream()
                .filter(n -> sid.equals(n.getMessagingServiceSid())).toList();
    }

    private static List<Number> views(List<VendorNumber> rows) {
        return rows.stream().map(Number::of).toList();
    }
}
