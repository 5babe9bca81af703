"""The 66 books' Spanish names, as the Reina-Valera names them, with the forms authors type.

Each entry is pythonbible's name for the book, the name kit writes (the Reina-Valera's),
and the other names and abbreviations read as that book. Names are matched without
accents, case or full stops; a numbered book's forms are written without the number
("Juan" for 1 Juan), which is read as a digit, a Roman numeral or an ordinal ("1 Juan",
"I Juan", "1a Juan", "Primera de Juan").
"""

from __future__ import annotations

BOOKS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("GENESIS", "Génesis", ("Gn", "Gén", "Ge")),
    ("EXODUS", "Éxodo", ("Éx", "Éxo")),
    ("LEVITICUS", "Levítico", ("Lv", "Lev")),
    ("NUMBERS", "Números", ("Nm", "Núm")),
    ("DEUTERONOMY", "Deuteronomio", ("Dt", "Deut")),
    ("JOSHUA", "Josué", ("Jos",)),
    ("JUDGES", "Jueces", ("Jue", "Jc")),
    ("RUTH", "Rut", ("Rt", "Ruth")),
    ("SAMUEL_1", "1 Samuel", ("S", "Sam", "Sm")),
    ("SAMUEL_2", "2 Samuel", ("S", "Sam", "Sm")),
    ("KINGS_1", "1 Reyes", ("R", "Re", "Rey", "Ry")),
    ("KINGS_2", "2 Reyes", ("R", "Re", "Rey", "Ry")),
    ("CHRONICLES_1", "1 Crónicas", ("Cr", "Cro", "Crón")),
    ("CHRONICLES_2", "2 Crónicas", ("Cr", "Cro", "Crón")),
    ("EZRA", "Esdras", ("Esd",)),
    ("NEHEMIAH", "Nehemías", ("Ne", "Neh")),
    ("ESTHER", "Ester", ("Est", "Esther")),
    ("JOB", "Job", ("Jb",)),
    ("PSALMS", "Salmos", ("Salmo", "Sal", "Sl", "Slm")),
    ("PROVERBS", "Proverbios", ("Pr", "Pro", "Prov")),
    ("ECCLESIASTES", "Eclesiastés", ("Ec", "Ecl", "Ecle", "Ecles", "Qohélet")),
    (
        "SONG_OF_SONGS",
        "Cantares",
        ("Cantar de los Cantares", "Cantar", "El Cantar de los Cantares", "Cnt", "Cant"),
    ),
    ("ISAIAH", "Isaías", ("Is", "Isa")),
    ("JEREMIAH", "Jeremías", ("Jr", "Jer")),
    ("LAMENTATIONS", "Lamentaciones", ("Lm", "Lam")),
    ("EZEKIEL", "Ezequiel", ("Ez", "Eze", "Ezeq")),
    ("DANIEL", "Daniel", ("Dn", "Dan")),
    ("HOSEA", "Oseas", ("Os",)),
    ("JOEL", "Joel", ("Jl",)),
    ("AMOS", "Amós", ("Am",)),
    ("OBADIAH", "Abdías", ("Abd",)),
    ("JONAH", "Jonás", ("Jon",)),
    ("MICAH", "Miqueas", ("Mi", "Miq")),
    ("NAHUM", "Nahum", ("Na", "Nah")),
    ("HABAKKUK", "Habacuc", ("Ha", "Hab")),
    ("ZEPHANIAH", "Sofonías", ("Sof",)),
    ("HAGGAI", "Hageo", ("Hag", "Ag", "Ageo")),
    ("ZECHARIAH", "Zacarías", ("Za", "Zac")),
    ("MALACHI", "Malaquías", ("Ml", "Mal")),
    ("MATTHEW", "Mateo", ("Mt", "Mat")),
    ("MARK", "Marcos", ("Mc", "Mr", "Mar", "Marc")),
    ("LUKE", "Lucas", ("Lc", "Lu", "Luc")),
    ("JOHN", "Juan", ("Jn",)),
    ("ACTS", "Hechos", ("Hch", "Hech", "Hechos de los Apóstoles")),
    ("ROMANS", "Romanos", ("Ro", "Rm", "Rom")),
    ("CORINTHIANS_1", "1 Corintios", ("Co", "Cor")),
    ("CORINTHIANS_2", "2 Corintios", ("Co", "Cor")),
    ("GALATIANS", "Gálatas", ("Gá", "Gl", "Gál")),
    ("EPHESIANS", "Efesios", ("Ef", "Efe")),
    ("PHILIPPIANS", "Filipenses", ("Flp", "Fil", "Filip")),
    ("COLOSSIANS", "Colosenses", ("Col",)),
    ("THESSALONIANS_1", "1 Tesalonicenses", ("Ts", "Tes")),
    ("THESSALONIANS_2", "2 Tesalonicenses", ("Ts", "Tes")),
    ("TIMOTHY_1", "1 Timoteo", ("Ti", "Tim")),
    ("TIMOTHY_2", "2 Timoteo", ("Ti", "Tim")),
    ("TITUS", "Tito", ("Tit",)),
    ("PHILEMON", "Filemón", ("Flm", "Filem")),
    ("HEBREWS", "Hebreos", ("He", "Heb")),
    ("JAMES", "Santiago", ("Stg", "Sant", "Sgo")),
    ("PETER_1", "1 Pedro", ("P", "Pe", "Ped")),
    ("PETER_2", "2 Pedro", ("P", "Pe", "Ped")),
    ("JOHN_1", "1 Juan", ("Jn",)),
    ("JOHN_2", "2 Juan", ("Jn",)),
    ("JOHN_3", "3 Juan", ("Jn",)),
    ("JUDE", "Judas", ("Jud", "Jds")),
    ("REVELATION", "Apocalipsis", ("Ap", "Apoc", "Apocal")),
)
"""pythonbible's book name, the Reina-Valera's name, and the other forms read as it."""

SINGLE_PSALM = "Salmo"
"""One psalm is named in the singular, as the Reina-Valera heads each one."""

ORDINALS = {
    "1": ("1", "i", "1a", "1ra", "1era", "1o", "1er", "primera", "primero", "primer"),
    "2": ("2", "ii", "2a", "2da", "2o", "segunda", "segundo"),
    "3": ("3", "iii", "3a", "3ra", "3era", "3o", "3er", "tercera", "tercero", "tercer"),
}
"""How the number of a numbered book is written ("1 Juan", "I Juan", "Primera de Juan")."""
