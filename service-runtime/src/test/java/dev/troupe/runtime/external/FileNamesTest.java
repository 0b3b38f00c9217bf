package dev.troupe.runtime.external;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void aKeyOfSafeCharactersIsKeptAndEveryOtherCharacterBecomesOneUnderscore() {
        assertThat(FileNames.of("0b7c-4e1a_order.1-charge", ".entry")).isEqualTo("0b7c-4e1a_order.1-charge.entry");
        assertThat(FileNames.of("a/b c\\d:é", ".eml")).isEqualTo("a_b_c_d__.eml");
        assertThat(FileNames.of("key-\uD83D\uDE00-end", ".entry")).isEqualTo("key-_-end.entry");
        assertThat(FileNames.of("../../etc/passwd", ".entry")).isEqualTo(".._.._etc_passwd.entry");
    }
}
