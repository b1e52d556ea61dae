package clinic.threshold.data.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.LongStream;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class IdListTest {
    private static final org.jooq.Field<Long> ID = DSL.field(DSL.name("id"), Long.class);

    private static String sql(org.jooq.Condition c) {
        return DSL.using(SQLDialect.H2).render(c);
    }

    @Test
    void aShortListIsWrittenAsLiteralsSoH2LooksThemUpInTheIndex() {
        assertEquals("\"id\" in (3, 5, 8)", sql(IdList.in(ID, List.of(3L, 5L, 8L))));
        assertEquals(sql(DSL.falseCondition()), sql(IdList.in(ID, List.of())), "no ids, no rows");
    }

    @Test
    void aLongListIsNoConditionAndTheCallerFiltersButLiteralsAlwaysKeepTheList() {
        List<Long> many = LongStream.rangeClosed(1, IdList.SHORT + 1).boxed().toList();
        assertEquals(true, IdList.isLong(many));
        assertEquals(sql(DSL.noCondition()), sql(IdList.in(ID, many)));
        assertEquals(true, sql(IdList.literals(ID, many)).endsWith(", " + (IdList.SHORT + 1) + ")"));
        assertEquals(false, IdList.isLong(many.subList(0, IdList.SHORT)));
    }
}
