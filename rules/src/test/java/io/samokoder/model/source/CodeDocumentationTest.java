package io.samokoder.model.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CodeDocumentationTest {

    private static boolean documented(String path, String text, String needle) {
        int at = text.indexOf(needle);
        assertThat(at).as(needle).isNotNegative();
        return CodeDocumentation.of(path, text).contains(at);
    }

    @Test
    void pythonDocstringsAndCommentsAreDocumentationOtherStringsAreCode() {
        String py = """
                \"\"\"Module docstring: sqlite://:memory: or MODULE_URL.\"\"\"
                DEFAULT = "postgres://app:CODE_URL@db/app"
                SQL = \"\"\"
                    select 'TRIPLE_DATA'
                \"\"\"

                def register(app,
                             db_url: str) -> None:
                    r'''
                    Example: postgres://postgres:DOC_URL@localhost:5432/test
                    '''
                    connect("sqlite://" + db_url)  # e.g. postgres://u:COMMENT_URL@host/db
                    call(
                        '''ARGUMENT'''
                    )

                class Settings:
                    \"\"\"CLASS_DOC\"\"\"
                    url = 'mysql://root:ATTR@h/d'
                    tag = '#NOT_COMMENT'
                """;
        assertThat(documented("app/db.py", py, "MODULE_URL")).isTrue();
        assertThat(documented("app/db.py", py, "CODE_URL")).isFalse();
        assertThat(documented("app/db.py", py, "TRIPLE_DATA")).isFalse();
        assertThat(documented("app/db.py", py, "DOC_URL")).isTrue();
        assertThat(documented("app/db.py", py, "COMMENT_URL")).isTrue();
        assertThat(documented("app/db.py", py, "ARGUMENT")).isFalse();
        assertThat(documented("app/db.py", py, "CLASS_DOC")).isTrue();
        assertThat(documented("app/db.py", py, "ATTR")).isFalse();
        assertThat(documented("app/db.py", py, "NOT_COMMENT")).isFalse();
    }

    @Test
    void cLikeCommentsStartOutsideStringsOnly() {
        String js = """
                /**
                 * Connects, e.g. postgres://u:BLOCK@localhost/db
                 */
                const url = "postgres://u:STRING@db/app"; // LINE postgres://u:p@h/d
                const tpl = `mysql://root:${pw}@TEMPLATE/db`;
                const path = '//NOT_A_COMMENT';
                """;
        assertThat(documented("src/db.ts", js, "BLOCK")).isTrue();
        assertThat(documented("src/db.ts", js, "STRING")).isFalse();
        assertThat(documented("src/db.ts", js, "LINE")).isTrue();
        assertThat(documented("src/db.ts", js, "TEMPLATE")).isFalse();
        assertThat(documented("src/db.ts", js, "NOT_A_COMMENT")).isFalse();
        String rust = """
                fn f<'a>(x: &'a str) -> char { let q = '"'; 'x' } // RUST_COMMENT
                const URL: &str = "postgres://u:RUST_STRING@h/d";
                """;
        assertThat(documented("src/lib.rs", rust, "RUST_COMMENT")).isTrue();
        assertThat(documented("src/lib.rs", rust, "RUST_STRING")).isFalse();
    }

    @Test
    void shellCommentsStartAtAWordOnly() {
        String sh = """
                echo "$# args"  # HASH_COMMENT
                n=${#list[@]}; url="redis://:SH_STRING@cache:6379"
                """;
        assertThat(documented("run.sh", sh, "HASH_COMMENT")).isTrue();
        assertThat(documented("run.sh", sh, "SH_STRING")).isFalse();
        assertThat(documented("run.sh", sh, "list")).isFalse();
    }

    @Test
    void onlySourceFilesHaveDocumentationAndShellScriptsAreNoProgramSource() {
        assertThat(CodeDocumentation.of("config.yaml", "# postgres://u:p@h/d").size()).isZero();
        assertThat(CodeDocumentation.isProgramSource("app/settings.py")).isTrue();
        assertThat(CodeDocumentation.isProgramSource("src/Main.java")).isTrue();
        assertThat(CodeDocumentation.isProgramSource("deploy/run.sh")).isFalse();
        assertThat(CodeDocumentation.isProgramSource("config/app.yml")).isFalse();
    }
}
