package dev.hardenedboot.core.deadline;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.hardenedboot.core.context.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Once the handler is known: records the route template in the {@link RequestContext}, and
 * lifts the deadline of streaming handlers ({@code SseEmitter}, {@code ResponseBodyEmitter},
 * {@code StreamingResponseBody}, reactive publishers, {@code text/event-stream}) unless a
 * route or the caller set a budget explicitly, so existing streams are never cut.
 */
class DeadlineHandlerInterceptor implements HandlerInterceptor {

	private static final String REACTIVE_PUBLISHER = "org.reactivestreams.Publisher";

	private final List<Class<?>> streamingTypes;

	/** Handler methods are few and fixed: decide once per method, not per request. */
	private final Map<Method, Boolean> streamingHandlers = new ConcurrentHashMap<>();

	DeadlineHandlerInterceptor() {
		List<Class<?>> types = new ArrayList<>(List.of(ResponseBodyEmitter.class, StreamingResponseBody.class));
		ClassLoader classLoader = getClass().getClassLoader();
		if (ClassUtils.isPresent(REACTIVE_PUBLISHER, classLoader)) {
			types.add(ClassUtils.resolveClassName(REACTIVE_PUBLISHER, classLoader));
		}
		this.streamingTypes = List.copyOf(types);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		RequestContext context = (RequestContext) request.getAttribute(RequestContext.ATTRIBUTE);
		if (context == null) {
			return true;
		}
		RequestContext updated = context;
		if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String route) {
			updated = updated.withRoute(route);
		}
		if (updated.deadline().isPresent() && handler instanceof HandlerMethod method && isStreaming(method)
				&& !Boolean.TRUE.equals(request.getAttribute(DeadlineFilter.EXPLICIT_BUDGET_ATTRIBUTE))) {
			updated = updated.withoutDeadline();
		}
		if (updated != context) {
			request.setAttribute(RequestContext.ATTRIBUTE, updated);
			// No scope to close: the enclosing filters' scopes restore the thread when the request ends.
			RequestContext.bind(updated);
		}
		return true;
	}

	/**
	 * A view is about to render after the deadline: fail before anything is written.
	 */
	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (modelAndView != null) {
			LateResponseAdvice.throwIfLate(request);
		}
	}

	boolean isStreaming(HandlerMethod method) {
		return this.streamingHandlers.computeIfAbsent(method.getMethod(), (key) -> decideStreaming(method));
	}

	private boolean decideStreaming(HandlerMethod method) {
		RequestMapping mapping = method.getMethodAnnotation(RequestMapping.class);
		if (mapping != null) {
			for (String produces : mapping.produces()) {
				if (MediaType.parseMediaType(produces).isCompatibleWith(MediaType.TEXT_EVENT_STREAM)) {
					return true;
				}
			}
		}
		MethodParameter returnType = method.getReturnType();
		Class<?> type = returnType.getParameterType();
		if (HttpEntity.class.isAssignableFrom(type)) {
			type = ResolvableType.forMethodParameter(returnType).as(HttpEntity.class).resolveGeneric(0);
		}
		if (type == null) {
			return false;
		}
		for (Class<?> streamingType : this.streamingTypes) {
			if (streamingType.isAssignableFrom(type)) {
				return true;
			}
		}
		return false;
	}

}
