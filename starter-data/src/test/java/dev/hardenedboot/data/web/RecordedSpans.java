package dev.hardenedboot.data.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * The spans the OpenTelemetry SDK ended, as Boot's bridge made them: a {@link SpanProcessor}
 * bean joins Boot's tracer provider.
 */
public class RecordedSpans implements SpanProcessor {

	private final List<SpanData> ended = new CopyOnWriteArrayList<>();

	public List<SpanData> ended() {
		return List.copyOf(this.ended);
	}

	public void clear() {
		this.ended.clear();
	}

	@Override
	public void onStart(Context parentContext, ReadWriteSpan span) {
	}

	@Override
	public boolean isStartRequired() {
		return false;
	}

	@Override
	public void onEnd(ReadableSpan span) {
		this.ended.add(span.toSpanData());
	}

	@Override
	public boolean isEndRequired() {
		return true;
	}

}
