package io.samokoder.rules.secrets;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Realistic token samples for every built-in pattern id, generated at run time from a seeded random source (so that no
 * token-shaped string sits in the repository for other scanners to trip over).
 */
final class TokenSamples {

    static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final String URLSAFE = ALNUM + "_-";
    static final String HEX = "0123456789abcdef";
    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    static final String BASE64 = ALNUM + "+/";
    static final String DIGITS = "0123456789";

    private final Random random;

    TokenSamples(long seed) {
        this.random = new Random(seed);
    }

    String r(String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** id → a line holding one token of that kind. */
    Map<String, String> lines() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("telegram-bot-token", "BOT_TOKEN=\"" + "7" + r(DIGITS, 9) + ":AA" + r(URLSAFE, 33) + "\"");
        m.put("aws-access-key-id", "aws_access_key_id = AKIA" + r(UPPER, 16));
        m.put("aws-secret-access-key", "aws_secret_access_key = " + r(ALNUM + "/+", 40));
        m.put("github-pat", "token: ghp_" + r(ALNUM, 36));
        m.put("github-oauth-token", "gho_" + r(ALNUM, 36));
        m.put("github-app-token", "GH=ghs_" + r(ALNUM, 36));
        m.put("github-refresh-token", "ghr_" + r(ALNUM, 76));
        m.put("github-fine-grained-pat", "github_pat_" + r(ALNUM, 22) + "_" + r(ALNUM, 59));
        m.put("gitlab-pat", "GITLAB_TOKEN=glpat-" + r(URLSAFE, 20));
        m.put("gitlab-pipeline-trigger-token", "glptt-" + r(HEX, 40));
        m.put("gitlab-runner-token", "runner: glrt-" + r(URLSAFE, 20));
        m.put("slack-token", "xoxb-" + r(DIGITS, 12) + "-" + r(DIGITS, 13) + "-" + r(ALNUM, 24));
        m.put("slack-webhook", "https://hooks.slack.com/services/T" + r(UPPER, 10) + "/B" + r(UPPER, 10) + "/" + r(ALNUM, 24));
        m.put("openai-api-key", "OPENAI_API_KEY=sk-proj-" + r(URLSAFE, 74) + "T3BlbkFJ" + r(URLSAFE, 74));
        m.put("anthropic-api-key", "ANTHROPIC_API_KEY=sk-ant-api03-" + r(URLSAFE, 93) + "AA");
        m.put("google-api-key", "key=AIza" + r(URLSAFE, 35));
        m.put("google-oauth-client-secret", "GOCSPX-" + r(URLSAFE, 28));
        m.put("stripe-secret-key", "STRIPE_KEY=sk_live_" + r(ALNUM, 24));
        m.put("stripe-webhook-secret", "whsec_" + r(ALNUM, 32));
        m.put("sendgrid-api-key", "SENDGRID_API_KEY=SG." + r(URLSAFE, 22) + "." + r(URLSAFE, 43));
        m.put("twilio-api-key", "TWILIO_AUTH_TOKEN=" + r(HEX, 32));
        m.put("yandex-cloud-api-key", "YC_API_KEY=AQVN" + r(URLSAFE, 36));
        m.put("yandex-cloud-iam-token", "Authorization: Bearer t1." + r(URLSAFE, 60) + "." + r(URLSAFE, 86));
        m.put("yandex-oauth-token", "YC_TOKEN=y0_" + r(URLSAFE, 60));
        m.put("yandex-cloud-static-key", "secret_key = YC" + r(URLSAFE, 38));
        m.put("npm-access-token", "NPM_TOKEN=npm_" + r(ALNUM, 36));
        m.put("npmrc-auth-token", "//registry.npmjs.org/:_authToken=" + r(HEX, 8) + "-" + r(HEX, 4) + "-" + r(HEX, 4)
                + "-" + r(HEX, 4) + "-" + r(HEX, 12));
        m.put("pypi-upload-token", "password = pypi-AgEIcHlwaS5vcmc" + r(URLSAFE, 70));
        m.put("dockerhub-pat", "DOCKERHUB_TOKEN=dckr_pat_" + r(URLSAFE, 27));
        m.put("private-key", "-----BEGIN RSA PRIVATE KEY-----\n" + r(BASE64, 64) + "\n" + r(BASE64, 64)
                + "\n-----END RSA PRIVATE KEY-----");
        m.put("jwt", "Authorization: Bearer eyJ" + r(URLSAFE, 30) + ".eyJ" + r(URLSAFE, 60) + "." + r(URLSAFE, 43));
        m.put("url-password", "DATABASE_URL=postgresql://app:" + r(ALNUM, 20) + "@db.internal:5432/app");
        m.put("digitalocean-token", "dop_v1_" + r(HEX, 64));
        m.put("shopify-token", "shpat_" + r(HEX, 32));
        m.put("discord-webhook", "https://discord.com/api/webhooks/" + r(DIGITS, 18) + "/" + r(URLSAFE, 68));
        m.put("hashicorp-vault-token", "VAULT_TOKEN=hvs." + r(URLSAFE, 95));
        m.put("databricks-token", "dapi" + r(HEX, 32));
        m.put("linear-api-key", "lin_api_" + r(ALNUM, 40));
        m.put("notion-token", "ntn_" + r(DIGITS, 11) + r(ALNUM, 35));
        m.put("groq-api-key", "gsk_" + r(ALNUM, 52));
        m.put("huggingface-token", "HF_TOKEN=hf_" + r("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 34));
        m.put("grafana-token", "glsa_" + r(ALNUM, 32) + "_" + r(HEX, 8));
        m.put("onepassword-service-token", "ops_eyJ" + r(BASE64, 260));
        m.put("vercel-token", "vcp_" + r(ALNUM, 24));
        m.put("figma-token", "figd_" + r(URLSAFE, 40));
        m.put("cloudflare-token", "cfut_" + r(ALNUM, 40) + r(HEX, 8));
        m.put("tailscale-key", "tskey-auth-k" + r(ALNUM, 10) + "-" + r(ALNUM, 30));
        m.put("age-secret-key", "AGE-SECRET-KEY-1" + r("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58));
        m.put("sentry-auth-token", "sntryu_" + r(HEX, 64));
        m.put("newrelic-api-key", "NRAK-" + r("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 27));
        m.put("mailgun-api-key", "MAILGUN_API_KEY=key-" + r(HEX, 32));
        m.put("heroku-api-key", "HEROKU_API_KEY=" + r(HEX, 8) + "-" + r(HEX, 4) + "-" + r(HEX, 4) + "-" + r(HEX, 4)
                + "-" + r(HEX, 12));
        return m;
    }
}
