package org.switchboard.secrets;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.eclipse.microprofile.config.ConfigProvider;

/** Stores a column encrypted with the domain's key ({@link SecretCipher}); the entity sees the clear value. */
@Converter
public class EncryptedString implements AttributeConverter<String, String> {

    private static volatile SecretCipher cipher;

    private static SecretCipher cipher() {
        SecretCipher c = cipher;
        if (c == null) {
            c = new SecretCipher(ConfigProvider.getConfig().getValue(SecretCipher.KEY_PROPERTY, String.class));
            cipher = c;
        }
        return c;
    }

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return cipher().encrypt(attribute);
    }

    @Override
    public String convertToEntityAttribute(String column) {
        return cipher().decrypt(column);
    }
}
