package clinic.threshold.domain.payer;

/** A minimum severity a policy asks for: a scale's total compared with a value ("PHQ-9 >= 15", "HAM-D > 20"). */
public record SeverityRule(String scale, Operator operator, int value) {

    public enum Operator {
        GE, GT;

        public boolean holds(int total, int value) {
            return this == GE ? total >= value : total > value;
        }
    }
}
