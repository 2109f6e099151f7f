package org.switchboard.optouts;

import org.switchboard.validation.Checks;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.switchboard.accounts.Account;
import org.switchboard.accounts.Ids;

/** An account's opt-outs, by address type ({@code msisdn}, ...) and address. */
@Stateless
public class OptOutService {

    @PersistenceContext
    private EntityManager em;

    /** The address's opt-out, if it has one. */
    public Optional<OptOutView> find(String accountId, String addressType, String addressValue) {
        return row(accountId, addressType, addressValue).map(OptOutView::of);
    }

    private Optional<OptOut> row(String accountId, String addressType, String addressValue) {
        return em.createQuery("select o from OptOut o where o.accountId = :account and o.addressType = :type"
                + " and o.addressValue = :value", OptOut.class)
                .setParameter("account", accountId)
                .setParameter("type", addressType)
                .setParameter("value", addressValue)
                .getResultStream()
                .findFirst();
    }

    /** Opts an address out; an address already opted out keeps its first opt-out. */
    public OptOutView optOut(String accountId, String addressType, String addressValue, String messageId) {
        // the account row serialises opt-outs of one account, so that two at once do not both insert
        em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        return OptOutView.of(row(accountId, addressType, addressValue).orElseGet(() -> {
            OptOut optOut = new OptOut(Ids.hex(), accountId, addressType, addressValue, messageId);
            em.persist(Checks.valid(optOut));
            return optOut;
        }));
    }

    /** Opts an address back in; whether it was opted out. */
    public boolean cancel(String accountId, String addressType, String addressValue) {
        Optional<OptOut> found = row(accountId, addressType, addressValue);
        found.ifPresent(em::remove);
        return found.isPresent();
    }

    public long count(String accountId) {
        return em.createQuery("select count(o) from OptOut o where o.accountId = :account", Long.class)
                .setParameter("account", accountId)
                .getSingleResult();
    }
}
