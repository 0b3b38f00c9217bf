package dev.troupe.registry.server;

/** Schemas of one record as it evolves, for compatibility tests. */
final class Schemas {
    static final String V1 = """
            {"type":"record","name":"Payment","namespace":"test","fields":[
              {"name":"id","type":"string"},
              {"name":"amountCents","type":"long"}]}""";
    /** Adds a field with a default: backward and forward compatible with V1. */
    static final String V2_ADDS_OPTIONAL = """
            {"type":"record","name":"Payment","namespace":"test","fields":[
              {"name":"id","type":"string"},
              {"name":"amountCents","type":"long"},
              {"name":"currency","type":"string","default":"EUR"}]}""";
    /** Adds a field without a default: new readers cannot read old data (not backward compatible). */
    static final String V2_ADDS_REQUIRED = """
            {"type":"record","name":"Payment","namespace":"test","fields":[
              {"name":"id","type":"string"},
              {"name":"amountCents","type":"long"},
              {"name":"currency","type":"string"}]}""";
    /** Removes a field without a default: old readers cannot read new data (not forward compatible). */
    static final String V2_REMOVES_AMOUNT = """
            {"type":"record","name":"Payment","namespace":"test","fields":[
              {"name":"id","type":"string"}]}""";
    /** Changes a field's type: compatible in no direction. */
    static final String V2_CHANGES_TYPE = """
            {"type":"record","name":"Payment","namespace":"test","fields":[
              {"name":"id","type":"string"},
              {"name":"amountCents","type":"boolean"}]}""";

    private Schemas() {}
}
