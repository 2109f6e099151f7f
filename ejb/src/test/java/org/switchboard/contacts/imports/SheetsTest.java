package org.switchboard.contacts.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SheetsTest {

    @TempDir
    Path dir;

    private List<List<String>> read(byte[] content) throws IOException {
        Path file = dir.resolve("f");
        Files.write(file, content);
        List<List<String>> rows = new ArrayList<>();
        Sheets.read(file, Sheets.format(content, Math.min(8, content.length)), (n, cells) -> rows.add(cells));
        return rows;
    }

    @Test
    void csvWithAByteOrderMarkSemicolonsAndQuotes() throws IOException {
        byte[] csv = ("\uFEFFName;Phone\n\"Smith; Jo\";0761234567\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(List.of("Name", "Phone"), List.of("Smith; Jo", "0761234567")), read(csv));
    }

    @Test
    void utf16WithItsMarkIsRead() throws IOException {
        byte[] csv = "name,msisdn\nZoë,+27761234567\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] marked = new byte[csv.length + 2];
        marked[0] = (byte) 0xFF;
        marked[1] = (byte) 0xFE;
        System.arraycopy(csv, 0, marked, 2, csv.length);
        assertEquals(List.of("Zoë", "+27761234567"), read(marked).get(1));
    }

    @Test
    void textThatIsNotUtf8IsRefusedWithItsRow() {
        byte[] latin1 = "name,msisdn\nJo,+27761234567\nZo\u00eb,+27761234568\n".getBytes(StandardCharsets.ISO_8859_1);
        UnreadableFile refused = assertThrows(UnreadableFile.class, () -> read(latin1));
        assertTrue(refused.getMessage().contains("row 3"), refused.getMessage());
    }

    @Test
    void aFirstLineLongerThanTheBufferIsRead() throws IOException {
        String wide = "x".repeat(200_000);
        assertEquals(List.of(wide, "1"), read((wide + ",1\nJo,2\n").getBytes(StandardCharsets.UTF_8)).get(0));
    }

    @Test
    void anUnclosedQuoteIsRefused() {
        assertThrows(UnreadableFile.class, () -> read("a,b\n\"open,1\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void xlsxNumbersComeBackWhole() throws IOException {
        byte[] xlsx = Xlsx.of(List.of(List.of("Name", "Phone"), List.of("Jo", "761234567.0"),
                List.of("Al", "2.7761234567E10")));
        assertEquals(Sheets.XLSX, Sheets.format(xlsx, 8));
        assertEquals(List.of(List.of("Name", "Phone"), List.of("Jo", "761234567"), List.of("Al", "27761234567")),
                read(xlsx));
    }

    @Test
    void binariesAndOldWorkbooksAreRefused() {
        assertThrows(UnreadableFile.class, () -> Sheets.format(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11,
                (byte) 0xE0, 0, 0, 0, 0}, 8));
        assertThrows(UnreadableFile.class, () -> Sheets.format(new byte[]{1, 2, 0, 4}, 4));
        assertThrows(UnreadableFile.class, () -> read(new byte[]{'P', 'K', 3, 4, 9, 9, 9, 9, 9}));
    }
}
