package dev.detour.messages;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.detour.incidents.readmodel.DetourStatus;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.view.Views.view;

/** The App Home tab: the current status, as {@code /detour status} shows it. */
public final class AppHomeView {
    private final StatusMessage status;
    private final Wording words;

    /** @param status should speak the same {@code words}, so the tab is in one language */
    public AppHomeView(StatusMessage status, Wording words) {
        this.status = status;
        this.words = words;
    }

    public View render(DetourStatus current) {
        List<LayoutBlock> blocks = new ArrayList<>(status.blocks(current));
        blocks.add(context(c -> c.elements(List.of(markdownText(words.get(WordKey.HOME_FOOTER))))));
        return view(v -> v.type("home").blocks(blocks));
    }
}
