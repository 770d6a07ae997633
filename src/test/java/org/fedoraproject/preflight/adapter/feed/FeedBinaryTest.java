package org.fedoraproject.preflight.adapter.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.fedoraproject.preflight.incident.FeedProblem;
import org.junit.jupiter.api.Test;

class FeedBinaryTest {

    @Test
    void aCheckedFeedReadsBackEqual() throws Exception {
        FeedReadResult.Accepted read = (FeedReadResult.Accepted) FeedParser.parse(FeedParserTest.sample());
        FeedBinary.Parsed parsed = new FeedBinary.Parsed(read.feed(),
                List.of(new FeedProblem("$.incidents[9]", "incident skipped")), "0123456789abcdef");
        byte[] bytes = FeedBinary.write(parsed);
        assertEquals(Optional.of(parsed), FeedBinary.read(bytes));
    }

    @Test
    void anyDamageReadsAsAbsent() throws Exception {
        FeedReadResult.Accepted read = (FeedReadResult.Accepted) FeedParser.parse(FeedParserTest.sample());
        byte[] bytes = FeedBinary.write(new FeedBinary.Parsed(read.feed(), List.of(), "key"));
        for (int at : new int[] {0, 10, bytes.length / 2, bytes.length - 1}) {
            byte[] damaged = bytes.clone();
            damaged[at] ^= 0x5a;
            assertEquals(Optional.empty(), FeedBinary.read(damaged), "flipped byte " + at);
        }
        assertEquals(Optional.empty(), FeedBinary.read(Arrays.copyOf(bytes, bytes.length / 2)));
        assertEquals(Optional.empty(), FeedBinary.read(new byte[0]));
    }
}
