package io.samokoder.rules.alerting;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.SourceFile;
import io.samokoder.model.placeholders.YamlPlaceholders;
import io.samokoder.model.render.ConfigRendering;
import io.samokoder.model.render.RenderCommands;
import io.samokoder.workspace.LineIndex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The variables a render step reads from a template, each at its first use. */
final class TemplateInputs {

    record Use(String name, int line, int column, io.samokoder.i18n.Text fieldText) {

        String field() {
            return fieldText.english();
        }
    }

    private TemplateInputs() {
    }

    /** The inputs of a render step's template; none when the template is not in the workspace. */
    static List<Use> of(AuditContext context, ConfigRendering.Render r) {
        return context.workspace().file(r.source()).map(f -> of(context, f, r)).orElse(List.of());
    }

    static List<Use> of(AuditContext context, SourceFile file, ConfigRendering.Render r) {
        String text = context.workspace().text(file).orElse("");
        Map<String, Use> first = new LinkedHashMap<>();
        if (r.tool().equals("gomplate") || r.tool().equals("dockerize")) {
            LineIndex index = new LineIndex(text);
            for (String name : RenderCommands.gomplateVariables(text)) {
                Matcher m = Pattern.compile("(?:\\.Env\\.|\")" + Pattern.quote(name) + "\\b").matcher(text);
                int at = m.find() ? m.start() : 0;
                first.putIfAbsent(name, new Use(name, index.line(at), index.column(at),
                        io.samokoder.i18n.Text.of("alerting.template.renderedField")));
            }
        } else {
            for (YamlPlaceholders.Site site : YamlPlaceholders.scan(file, text, context.yaml(file))) {
                String name = site.placeholder().name();
                if (site.placeholder().hasDefault() || !r.substitutes(name) || r.fixed().contains(name)) {
                    continue;
                }
                io.samokoder.i18n.Text field = site.path().isEmpty()
                        ? io.samokoder.i18n.Text.of("alerting.template.renderedValue")
                        : io.samokoder.i18n.Text.of("alerting.template.field", leaf(site.path()));
                first.putIfAbsent(name, new Use(name, site.line(), site.column(), field));
            }
        }
        return new ArrayList<>(first.values());
    }

    private static String leaf(List<Object> path) {
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i) instanceof String s) {
                return s;
            }
        }
        return "value";
    }
}
