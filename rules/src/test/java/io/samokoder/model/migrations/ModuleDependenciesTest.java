package io.samokoder.model.migrations;

import io.samokoder.engine.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ModuleDependenciesTest {

    private static void write(Path root, String path, String text) throws Exception {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void mavenModuleDeclaresAnotherByItsArtifactIdNotByItsParent(@TempDir Path root) throws Exception {
        String parent = "<parent><groupId>org.shop</groupId><artifactId>shop-parent</artifactId></parent>";
        write(root, "app/pom.xml", "<project>" + parent + "<artifactId>shop-app</artifactId><dependencies>"
                + "<dependency><groupId>org.shop</groupId><artifactId> shop-orders </artifactId></dependency>"
                + "</dependencies></project>");
        write(root, "orders/pom.xml", "<project>" + parent + "<artifactId>shop-orders</artifactId></project>");
        write(root, "billing/pom.xml", "<project>" + parent + "<artifactId>shop-billing</artifactId></project>");
        Workspace ws = Workspace.scan(root);
        assertThat(ModuleDependencies.declares(ws, "app/", "orders/")).isTrue();
        assertThat(ModuleDependencies.declares(ws, "app/", "billing/")).isFalse();
    }

    @Test
    void gradleProjectDependencyInAnyBuildScriptOfTheModule(@TempDir Path root) throws Exception {
        write(root, "app/build.gradle", "apply from: 'dependencies.gradle'\n");
        write(root, "app/dependencies.gradle", "dependencies {\n  implementation(project(path: ':orders'))\n}\n");
        write(root, "web/build.gradle.kts", "dependencies { implementation(project(\":libs:billing\")) }\n");
        Workspace ws = Workspace.scan(root);
        assertThat(ModuleDependencies.declares(ws, "app/", "orders/")).isTrue();
        assertThat(ModuleDependencies.declares(ws, "app/", "billing/")).isFalse();
        assertThat(ModuleDependencies.declares(ws, "web/", "libs/billing/")).isTrue();
        assertThat(ModuleDependencies.declares(ws, "web/", "orders/")).isFalse();
    }
}
