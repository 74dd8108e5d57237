/**
 * JMH benchmarks of the hot paths and generators of realistic repositories. Build with
 * {@code ./mvnw -q -B package -DskipTests -pl benchmarks -am} and run {@code java -jar benchmarks/target/benchmarks.jar NAME}.
 */
package io.samokoder.bench;
