package dev.detour.bot.ofrep;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * Puts an {@link OfrepFastPath} into each HTTP/1.1 connection's pipeline, just before Micronaut's request
 * handler. HTTP/2 streams are left to Micronaut alone.
 */
@Singleton
public class OfrepFastPathInstaller implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    static final String NAME = "detour-ofrep-fast-path";

    private final Provider<OfrepShortcut> shortcut;

    public OfrepFastPathInstaller(Provider<OfrepShortcut> shortcut) {
        this.shortcut = shortcut;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new PerChannel(null));
        return event.getBean();
    }

    private final class PerChannel implements NettyServerCustomizer {
        private final Channel channel;

        PerChannel(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new PerChannel(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(HttpServerCodec.class) != null
                    && pipeline.get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null) {
                pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, NAME,
                        new OfrepFastPath(shortcut.get()));
            }
        }
    }
}
