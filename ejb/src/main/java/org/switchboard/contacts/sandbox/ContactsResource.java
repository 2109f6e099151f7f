package org.switchboard.contacts.sandbox;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.switchboard.contacts.Contact;
import org.switchboard.contacts.ContactJson;
import org.switchboard.contacts.ContactService;
import org.switchboard.sandbox.AppScope;
import org.switchboard.sandbox.SandboxResource;
import org.switchboard.sandbox.api.SandboxHost.UnknownCommandException;

/** The {@code contacts} resource: the account's contacts, as Vumi Go's ContactsResource gave them. */
@ApplicationScoped
public class ContactsResource implements SandboxResource {

    @Inject
    ContactService contacts;

    @Override
    public String name() {
        return "contacts";
    }

    @Override
    public JsonObject handle(String command, JsonObject fields, AppScope app) throws UnknownCommandException {
        String account = app.accountId();
        switch (command) {
            case "get" : {
                String deliveryClass = fields.getString("delivery_class", "sms");
                Contact contact = contacts.byAddress(account, deliveryClass, SandboxResource.required(fields, "addr"))
                        .orElseThrow(() -> new IllegalArgumentException("Contact not found"));
                return reply(contact).build();
            }
            case "get_or_create" : {
                boolean[] created = new boolean[1];
                Contact contact = contacts.getOrCreate(account, fields.getString("delivery_class", "sms"),
                        SandboxResource.required(fields, "addr"), created);
                return reply(contact).add("created", created[0]).build();
            }
            case "get_by_key" :
                return reply(byKey(fields, account, "key")).build();
            case "new" :
                return reply(contacts.create(account, SandboxResource.requiredObject(fields, "contact"))).build();
            case "save" : {
                JsonObject data = SandboxResource.requiredObject(fields, "contact");
                Contact contact = byKey(data, account, "key");
                return reply(contacts.save(contact, data)).build();
            }
            case "update" :
                return reply(contacts.update(byKey(fields, account, "key"),
                        SandboxResource.requiredObject(fields, "fields"))).build();
            case "update_extras" :
                return reply(contacts.updateExtras(byKey(fields, account, "key"),
                        SandboxResource.requiredObject(fields, "fields"))).build();
            case "update_subscriptions" :
                return reply(contacts.updateSubscriptions(byKey(fields, account, "key"),
                        SandboxResource.requiredObject(fields, "fields"))).build();
            case "search" : {
                int max = ContactService.MAX_KEYS;
                JsonValue maxKeys = fields.get("max_keys");
                if (maxKeys instanceof JsonNumber number) {
                    if (number.intValue() < 0) {
                        throw new IllegalArgumentException("max_keys must not be negative");
                    }
                    max = Math.min(number.intValue(), ContactService.MAX_KEYS);
                } else if (maxKeys != null && maxKeys != JsonValue.NULL) {
                    throw new IllegalArgumentException("max_keys must be a number");
                }
                JsonArrayBuilder keys = JSON.createArrayBuilder();
                if (max > 0) {
                    try {
                        contacts.search(account, SandboxResource.required(fields, "query"), max)
                                .forEach(contact -> keys.add(contact.getKey()));
                    } catch (ContactService.InvalidQueryException e) {
                        throw new IllegalArgumentException(e.getMessage(), e);
                    }
                }
                return SandboxResource.success().add("keys", keys).build();
            }
            default :
                throw SandboxResource.unknown(name(), command);
        }
    }

    private Contact byKey(JsonObject fields, String account, String name) {
        String key = SandboxResource.required(fields, name);
        return contacts.byKey(account, key)
                .orElseThrow(() -> new IllegalArgumentException("Contact '" + key + "' not found"));
    }

    private static jakarta.json.JsonObjectBuilder reply(Contact contact) {
        return SandboxResource.success().add("contact", ContactJson.toJson(contact));
    }
}
