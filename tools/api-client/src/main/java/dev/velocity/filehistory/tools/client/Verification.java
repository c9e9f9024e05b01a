package dev.velocity.filehistory.tools.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** GET .../verify: whether the stored events and the read models hold, with what does not. */
public record Verification(boolean ok, int files, long events, List<JsonNode> problems) {}
