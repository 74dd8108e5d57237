package io.samokoder.rules.alerting;

import io.samokoder.engine.Finding;
import io.samokoder.engine.Rule;
import io.samokoder.engine.Severity;
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
        String list = String.join(", ", shown.subList(0, Math.min(5, shown.size())))
                + (shown.size() > 5 ? " and " + (shown.size() - 5) + " more" : "");
        String message = why.reading() == ConfigRendering.Reading.UNFOLLOWED
                ? list + " not checked: " + why.reason() + "; whether they are replaced before " + program
                + " loads the config is not known"
                : list + " not checked: " + why.reason() + ", so this file is not the config " + program
                + " loads";
        YamlPlaceholders.Site first = sites.get(0);
        return Finding.of(rule).at(path, first.line(), first.column()).severity(Severity.INFO)
                .message(message)
                .remediation("Nothing to fix if the render step replaces every placeholder; otherwise render with"
                        + " envsubst (optionally limited by SHELL-FORMAT) or sed with literal paths, which this check"
                        + " follows, or use the field's *_file variant.")
                .key("undecided@" + path)
                .build();
    }
}
