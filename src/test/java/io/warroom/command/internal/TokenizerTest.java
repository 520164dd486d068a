package io.warroom.command.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warroom.command.UsageException;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void splitsOnWhitespaceAndGroupsQuotes() {
        assertThat(Tokenizer.split("  scale backend  -n after-sales-prod --replicas=5 "))
                .containsExactly("scale", "backend", "-n", "after-sales-prod", "--replicas=5");
        assertThat(Tokenizer.split("apikey revoke k1 --reason \"leaked in a \\\"public\\\" repo\""))
                .containsExactly("apikey", "revoke", "k1", "--reason", "leaked in a \"public\" repo");
        assertThat(Tokenizer.split("note 'it''s fine'")).containsExactly("note", "its fine");
        assertThat(Tokenizer.split("note \"\"")).containsExactly("note", "");
    }

    @Test
    void typographicQuotesAndWideSpacesFromChatClientsCount() {
        assertThat(Tokenizer.split("note \u201cdisk full\u201d\u3000now")).containsExactly("note", "disk full", "now");
    }

    @Test
    void unbalancedQuoteIsAUsageError() {
        assertThatThrownBy(() -> Tokenizer.split("note \"open")).isInstanceOf(UsageException.class);
    }
}
