package clinic.threshold.service.demo;

import java.util.List;

/** Invented names, places and referrers for synthetic patients (the demo clinic and the generated one). */
public final class SyntheticNames {
    public static final List<String> FEMALE = List.of("Amara", "Beatriz", "Chloe", "Dana", "Elena", "Fatima",
            "Grace", "Hana", "Ingrid", "Jasmine", "Keiko", "Leila", "Maria", "Nadia", "Olivia", "Priya", "Rosa",
            "Sofia", "Tamar", "Uma", "Valentina", "Wei", "Yara", "Zoe");
    public static final List<String> MALE = List.of("Aaron", "Bilal", "Carlos", "Dmitri", "Ethan", "Felipe",
            "Gabriel", "Hiroshi", "Isaac", "Jamal", "Kwame", "Luca", "Mateo", "Noah", "Omar", "Pavel", "Rafael",
            "Samuel", "Tomas", "Victor", "William", "Xavier", "Yusuf", "Zane");
    public static final List<String> FAMILY = List.of("Abernathy", "Baptiste", "Castillo", "Delgado", "Eriksen",
            "Fitzgerald", "Goldberg", "Haddad", "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura",
            "O'Connor", "Petrov", "Quinn", "Rahman", "Santos", "Takahashi", "Underwood", "Vasquez", "Whitfield",
            "Xu", "Yilmaz", "Zimmerman", "Adeyemi", "Bennett", "Chen", "Okafor", "Nguyen", "Müller", "García-López");
    public static final List<String> PREFERRED = List.of("Bea", "Liv", "Sam", "Max", "Tom", "Vic", "Rafa");
    public static final List<String> CITIES = List.of("Springfield", "Riverton", "Lakeside", "Fairview",
            "Oak Hill", "Millbrook");
    public static final List<String> STREETS = List.of("Maple Ave", "Cedar St", "Harbor Rd", "Elm Court",
            "Willow Lane", "Summit Blvd");
    public static final List<String> REFERRERS = List.of("Dr. Alice Monroe (PCP)", "Dr. Ben Ito (psychiatry)",
            "Riverton Community Mental Health", "Dr. Carla Reyes (PCP)", "Self-referred");
    public static final List<String> LIKELY_CODES = List.of("F33.2", "F33.2", "F33.2", "F32.2", "F33.1",
            "F32.1", "F33.2", "F33.9", "F34.1", "F41.1");

    private SyntheticNames() {
    }
}
