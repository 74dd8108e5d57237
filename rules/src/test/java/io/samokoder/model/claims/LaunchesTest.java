package io.samokoder.model.claims;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchesTest {

    private static Optional<Launches.Found> classify(String line) {
        return Launches.classify(line, Launches.Resolver.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker compose up -d", "docker-compose up", "docker compose --profile monitoring up -d",
            "sudo docker-compose -f docker-compose.yml -f docker-compose.prod.yml up -d --build",
            "podman-compose up", "podman compose up -d", "docker compose watch", "docker compose start",
            "COMPOSE_PROFILES=obs docker compose up -d", "cd deploy && docker compose up -d",
            "docker stack deploy -c docker-stack.yml mon"})
    void composeCommandsThatStartTheStack(String line) {
        assertThat(classify(line)).get().extracting(Launches.Found::kind).isEqualTo(Launch.Kind.COMPOSE);
    }

    @Test
    void composeDetails() {
        Launches.Found f = classify("cd deploy && docker compose -f compose.yaml --file=compose.obs.yaml "
                + "--profile debug up -d --scale web=2 web worker").orElseThrow();
        assertThat(f.files()).containsExactly("compose.yaml", "compose.obs.yaml");
        assertThat(f.profiles()).containsExactly("debug");
        assertThat(f.services()).containsExactly("web", "worker");
        assertThat(f.directory()).isEqualTo("deploy");
        assertThat(classify("docker stack deploy --compose-file stack.yml app").orElseThrow().files())
                .containsExactly("stack.yml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"npm run dev", "yarn start", "pnpm dev", "bun run dev", "npx vite", "python app.py",
            "python3 -m http.server 8000", "uvicorn app.main:app --reload", "uv run fastapi dev",
            "poetry run python manage.py runserver", "flask run", "./mvnw spring-boot:run", "./gradlew bootRun",
            "java -jar target/app.jar", "go run ./cmd/server", "cargo run", "docker run -p 8080:80 nginx",
            "kubectl apply -f k8s/", "helm install app ./chart", "minikube start", "bin/rails server",
            "./mailpit", "make run", "docker compose up -d db && npm run dev", "hugo server", "mkdocs serve"})
    void otherThingsThatServe(String line) {
        assertThat(classify(line)).get().extracting(Launches.Found::kind).isEqualTo(Launch.Kind.OTHER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker compose build", "docker compose logs -f api", "docker-compose down -v",
            "docker compose ps", "docker compose exec api bash", "docker compose run --rm api pytest",
            "pip install -r requirements.txt", "npm install", "npm run build", "alembic upgrade head",
            "python manage.py migrate", "python -m pytest", "cd backend", "cp .env.example .env", "git clone x",
            "make test", "curl http://localhost:8000", "kubectl get pods", "helm repo add x y", "go test ./...",
            "./mvnw package", "echo hi", "make"})
    void commandsThatStartNothing(String line) {
        assertThat(classify(line)).isEmpty();
    }

    @Test
    void taskRunnersAndScriptsAreFollowedIntoWhatTheyRun() {
        Map<String, String> targets = Map.of(
                "up", "\t$(DOCKER_COMPOSE) $(PREFIX) up -d --build\n",
                "open", "\topen http://localhost:3000/\n",
                "dev", "\tdocker compose up -d db\n\tuv run uvicorn app:app --reload\n",
                "deploy", "\t./scripts/deploy.sh\n");
        Map<String, String> scripts = Map.of(
                "./scripts/deploy.sh", "#!/bin/sh\nif [ \"$1\" = a ]; then\n  docker-compose -f a/compose.yml up -d\n"
                        + "else\n  docker-compose -f b/compose.yml up -d\nfi\n",
                "./start.sh", "#!/bin/sh\necho starting\nnpm ci\n");
        Launches.Resolver r = new Launches.Resolver() {
            @Override
            public Optional<Launches.Recipe> target(String tool, String target, String dir) {
                return Optional.ofNullable(targets.get(target)).map(t -> new Launches.Recipe("Makefile target " + target, t));
            }

            @Override
            public Optional<Launches.Recipe> script(String path, String dir) {
                return Optional.ofNullable(scripts.get(path)).map(t -> new Launches.Recipe(path, t));
            }
        };
        Launches.Found up = Launches.classify("make up", r).orElseThrow();
        assertThat(up.kind()).isEqualTo(Launch.Kind.COMPOSE);
        assertThat(up.via()).isEqualTo("Makefile target up");
        assertThat(Launches.classify("make open", r)).isEmpty();
        assertThat(Launches.classify("make dev", r).orElseThrow().kind()).isEqualTo(Launch.Kind.OTHER);
        // a script's branches cannot be told apart: every compose file it may start
        Launches.Found deploy = Launches.classify("make deploy", r).orElseThrow();
        assertThat(deploy.kind()).isEqualTo(Launch.Kind.COMPOSE);
        assertThat(deploy.files()).containsExactly("a/compose.yml", "b/compose.yml");
        // a readable script that starts nothing is not a launch, though its name says start
        assertThat(Launches.classify("./start.sh", r)).isEmpty();
        assertThat(Launches.classify("./start.sh", Launches.Resolver.NONE).orElseThrow().kind())
                .isEqualTo(Launch.Kind.OTHER);
    }

    @Test
    void urlAccessCommands() {
        assertThat(Launches.accessesUrl("curl -s http://localhost:9090/-/healthy")).isTrue();
        assertThat(Launches.accessesUrl("TOKEN=x wget -qO- http://127.0.0.1:8080")).isTrue();
        assertThat(Launches.accessesUrl("open http://localhost:3000")).isTrue();
        assertThat(Launches.accessesUrl("export API_URL=http://localhost:8000")).isFalse();
        assertThat(Launches.accessesUrl("INFO: Uvicorn running on http://0.0.0.0:8000")).isFalse();
    }

    @Test
    void makefileRecipesWithPrerequisites() {
        String mk = ".PHONY: up\nDC := docker compose\nbuild:\n\tdocker compose build\nup: build ## start\n"
                + "\t$(DC) up -d\n\nlogs:\n\tdocker compose logs -f\n";
        assertThat(WorkspaceRecipes.makeRecipe(mk, "up")).isEqualTo("docker compose build\ndocker compose up -d\n");
        assertThat(WorkspaceRecipes.makeRecipe(mk, "nope")).isNull();
        assertThat(Launches.expandVariables("$(DC) up -d")).isEqualTo(" up -d");
        assertThat(Launches.expandVariables("$(DOCKER_COMPOSE) $(PREFIX) up -d")).isEqualTo("docker compose  up -d");
        assertThat(WorkspaceRecipes.taskRecipe("tasks:\n  start:\n    cmds:\n      - docker compose up -d\n"
                + "  stop:\n    cmds:\n      - docker compose down\n", "start")).isEqualTo("docker compose up -d");
        assertThat(WorkspaceRecipes.justRecipe("up: build\n    docker compose up -d\nbuild:\n    docker compose build\n",
                "up", 0, new java.util.LinkedHashSet<>())).isEqualTo("docker compose build\ndocker compose up -d\n");
    }
}
