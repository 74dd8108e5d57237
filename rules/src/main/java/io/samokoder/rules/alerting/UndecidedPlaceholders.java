package io.samokoder.rules.alerting;

import io.samokoder.engine.Finding;
import io.samokoder.engine.Rule;
import io.samokoder.engine.Severity;
import io.samokoder.i18n.Text;
import io.samokoder.model.placeholders.YamlPlaceholders;
import io.samokoder.model.render.ConfigRendering;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The finding for placeholders the tool cannot judge, shared by the Alertmanager and Prometheus halves. */
final class UndecidedPlaceholders {

    private UndecidedPlaceholders() {
    }

    /**
     * One {@code info} finding for a file whose placeholders the tool cannot judge: a step it does not follow renders
     * the file, or the file is mounted where the program does not read its config.
     */
    static Finding finding(Rule rule, String path, List<YamlPlaceholders.Site> sites, ConfigRendering.Verdict why,
                           String program) {
        Set<String> names = new LinkedHashSet<>();
        sites.forEach(s -> names.add(s.placeholder().display()));
        List<String> shown = new ArrayList<>(names);
        String first5 = String.join(", ", shown.subList(0, Math.min(5, shown.size())));
        Text list = shown.size() > 5 ? Text.of("alerting.undecided.andMore", first5, shown.size() - 5)
                : Text.code(first5);
        Text message = Text.of(why.reading() == ConfigRendering.Reading.UNFOLLOWED ? "alerting.undecided.unfollowed"
                : "alerting.undecided.notRead", list, why.reasonText(), program);
        YamlPlaceholders.Site first = sites.get(0);
        return Finding.of(rule).at(path, first.line(), first.column()).severity(Severity.INFO)
                .message(message)
                .remediation(Text.of("alerting.undecided.fix"))
                .key("undecided@" + path)
                .build();
    }
}
