package org.fedoraproject.preflight.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fedoraproject.preflight.adapter.feed.FeedKeys;
import org.fedoraproject.preflight.adapter.feed.FeedParser;
import org.fedoraproject.preflight.adapter.feed.FeedReadResult;
import org.fedoraproject.preflight.adapter.feed.TrustStore;
import org.fedoraproject.preflight.adapter.system.RegularFiles;
import org.fedoraproject.preflight.adapter.system.RepoPackagesReader;
import org.fedoraproject.preflight.incident.FeedProblem;
import org.fedoraproject.preflight.incident.RepoLint;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.text.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code preflight feed}: the publishers' tools, built on the same code that reads feeds. */
@Command(name = "feed",
        mixinStandardHelpOptions = true,
        subcommands = {FeedCommand.Keygen.class, FeedCommand.Lint.class, FeedCommand.Sign.class, FeedCommand.Verify.class})
final class FeedCommand {

    private static final Messages TEXT = Messages.load(Locale.getDefault());

    static final int PROBLEMS = 1;
    static final int FAILED = 2;

    /** {@code feed keygen}: a new Ed25519 key pair, the private half readable by its owner only. */
    @Command(name = "keygen", mixinStandardHelpOptions = true)
    static final class Keygen implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", paramLabel = "PREFIX", defaultValue = "preflight-feed")
        Path prefix;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path key = Path.of(prefix + ".key");
            Path pub = Path.of(prefix + ".pub");
            KeyPair pair = FeedKeys.generate();
            try {
                Files.writeString(Files.createFile(key, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------"))), FeedKeys.privatePem(pair.getPrivate()));
                Files.writeString(pub, FeedKeys.publicPem(pair.getPublic()), StandardOpenOption.CREATE_NEW);
                out.println(TEXT.get("cli.feed.privateKey", key.toString()));
                out.println(TEXT.get("cli.feed.publicKey", pub.toString(), FeedKeys.readPublic(FeedKeys.publicPem(pair.getPublic()), "")
                        .id()));
                return 0;
            } catch (FileAlreadyExistsException e) {
                err.println(TEXT.get("cli.feed.exists", e.getFile()));
                return FAILED;
            } catch (IOException | GeneralSecurityException e) {
                err.println(TEXT.get("cli.feed.keygenFailed", String.valueOf(e.getMessage())));
                return FAILED;
            }
        }
    }

    /** {@code feed lint FILE [--against-repo REPO]...}: every problem with its JSON path. */
    @Command(name = "lint", mixinStandardHelpOptions = true)
    static final class Lint implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", descriptionKey = "preflight.feed.file")
        Path file;

        @Option(names = "--against-repo", paramLabel = "REPO")
        List<String> repos = new ArrayList<>();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<FeedReadResult> read = readFeed(file, err);
            if (read.isEmpty()) {
                return FAILED;
            }
            boolean clean = report(read.get(), file, out);
            if (repos.isEmpty() || !(read.get() instanceof FeedReadResult.Accepted accepted)) {
                return clean ? 0 : PROBLEMS;
            }
            Reading<List<RepoLint.RepoPackage>> packages = RepoPackagesReader.onThisMachine(repos, accepted.feed().incidents());
            if (packages instanceof Reading.Unavailable<List<RepoLint.RepoPackage>> u) {
                err.println(TEXT.get("cli.feed.lintUnreadable", u.source(), u.reason()));
                return FAILED;
            }
            List<FeedProblem> problems = RepoLint.check(accepted.feed().incidents(), packages.get().orElseThrow());
            problems.forEach(p -> out.println(file + ": " + p));
            if (problems.isEmpty()) {
                out.println(TEXT.get("cli.feed.lintMatches", file.toString(), repos));
            }
            return clean && problems.isEmpty() ? 0 : PROBLEMS;
        }
    }

    /** {@code feed sign FILE --key KEY}: lints, then writes FILE.sig. */
    @Command(name = "sign", mixinStandardHelpOptions = true)
    static final class Sign implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", descriptionKey = "preflight.feed.file")
        Path file;

        @Option(names = "--key", required = true, paramLabel = "KEY")
        Path key;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<FeedReadResult> read = readFeed(file, err);
            if (read.isEmpty()) {
                return FAILED;
            }
            if (!report(read.get(), file, out)) {
                err.println(TEXT.get("cli.feed.notSigned"));
                return PROBLEMS;
            }
            try {
                String signature = FeedKeys.sign(RegularFiles.read(file, 64L << 20),
                        FeedKeys.readPrivate(RegularFiles.readString(key, RegularFiles.SMALL)));
                Path sig = Path.of(file + ".sig");
                Files.writeString(sig, signature, StandardCharsets.US_ASCII);
                out.println(TEXT.get("cli.feed.signed", sig.toString()));
                return 0;
            } catch (IOException | GeneralSecurityException e) {
                err.println(TEXT.get("cli.feed.signFailed", key.toString(), String.valueOf(e.getMessage())));
                return FAILED;
            }
        }
    }

    /** {@code feed verify FILE [--key PUB]...}: checks FILE.sig against the given or the trusted keys. */
    @Command(name = "verify", mixinStandardHelpOptions = true)
    static final class Verify implements Callable<Integer> {
        private final Services services;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", descriptionKey = "preflight.feed.file")
        Path file;

        @Option(names = "--key", paramLabel = "PUB")
        List<Path> keys = new ArrayList<>();

        Verify(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                List<FeedKeys.TrustedKey> trusted = new ArrayList<>();
                for (Path k : keys) {
                    trusted.add(FeedKeys.readPublic(RegularFiles.readString(k, RegularFiles.SMALL), k.toString()));
                }
                if (keys.isEmpty()) {
                    trusted.addAll(TrustStore.load(services.dirs().trustedKeys()).keys());
                }
                Optional<FeedKeys.TrustedKey> signer = FeedKeys.verify(RegularFiles.read(file, 64L << 20),
                        RegularFiles.readString(Path.of(file + ".sig"), RegularFiles.SMALL), trusted);
                if (signer.isPresent()) {
                    out.println(TEXT.get("cli.feed.goodSignature", signer.get().id(), signer.get().origin()));
                    return 0;
                }
                err.println(TEXT.get("cli.feed.badSignature", file.toString(), trusted.size()));
                return PROBLEMS;
            } catch (IOException | GeneralSecurityException e) {
                err.println(TEXT.get("cli.feed.verifyFailed", String.valueOf(e.getMessage())));
                return FAILED;
            }
        }
    }

    private static Optional<FeedReadResult> readFeed(Path file, PrintWriter err) {
        try {
            return Optional.of(FeedParser.parse(RegularFiles.readString(file, 64L << 20)));
        } catch (IOException e) {
            err.println(TEXT.get("cli.feed.unreadable", file.toString(), String.valueOf(e.getMessage())));
            return Optional.empty();
        }
    }

    /** Prints the problems; true when there are none. */
    private static boolean report(FeedReadResult read, Path file, PrintWriter out) {
        for (FeedProblem p : read.problems()) {
            out.println(file + ": " + p);
        }
        if (read instanceof FeedReadResult.Accepted accepted && read.problems().isEmpty()) {
            out.println(TEXT.get("cli.feed.ok", file.toString(), accepted.feed().incidents().size()));
            return true;
        }
        return false;
    }
}
