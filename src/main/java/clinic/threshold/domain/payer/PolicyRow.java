package clinic.threshold.domain.payer;

import java.util.List;

/**
 * One payer policy as administrators list it: the newest active version of its code, who checked it against the
 * payer's text ({@code verifiedBy} null while unverified), and the registry payers whose patients it applies to.
 */
public record PolicyRow(PayerPolicy policy, String verifiedBy, List<String> linkedPayers) {

    public PolicyRow {
        linkedPayers = List.copyOf(linkedPayers);
    }

    public boolean verified() {
        return policy.verified();
    }
}
