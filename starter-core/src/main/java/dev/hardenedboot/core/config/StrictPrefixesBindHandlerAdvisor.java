package dev.hardenedboot.core.config;

import java.util.function.Supplier;

import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.UnboundElementsSourceFilter;
import org.springframework.lang.Nullable;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

/**
 * Gives the application's {@code @ConfigurationProperties} classes under
 * {@code hardened.config.strict-prefixes} the checks Hardened Boot's own get: bean validation
 * even without {@code @Validated}, and a key under the prefix that the class does not declare
 * stops start-up (as {@code ignoreUnknownFields = false} would). Both failures are explained
 * by {@link InvalidPropertyFailureAnalyzer}, and a reload runs the same checks.
 */
class StrictPrefixesBindHandlerAdvisor implements ConfigurationPropertiesBindHandlerAdvisor {

	private final StrictPrefixes prefixes;

	private final Supplier<Validator> validator;

	StrictPrefixesBindHandlerAdvisor(StrictPrefixes prefixes, Supplier<Validator> validator) {
		this.prefixes = prefixes;
		this.validator = validator;
	}

	@Override
	public BindHandler apply(BindHandler bindHandler) {
		return this.prefixes.isEmpty() ? bindHandler : new StrictHandler(bindHandler);
	}

	/**
	 * Decides at the start of each bind, from the bound prefix, whether the checks apply, and
	 * then passes every call to the chosen chain.
	 */
	private final class StrictHandler implements BindHandler {

		private final BindHandler parent;

		@Nullable
		private BindHandler delegate;

		StrictHandler(BindHandler parent) {
			this.parent = parent;
		}

		@Override
		public <T> Bindable<T> onStart(ConfigurationPropertyName name, Bindable<T> target, BindContext context) {
			if (context.getDepth() == 0) {
				this.delegate = StrictPrefixesBindHandlerAdvisor.this.prefixes.coversApplication(name)
						? strict(target) : this.parent;
			}
			return delegate().onStart(name, target, context);
		}

		private BindHandler strict(Bindable<?> target) {
			BindHandler handler = new NoUnboundElementsBindHandler(this.parent, new UnboundElementsSourceFilter());
			// A @Validated class is validated by Boot already: once is enough for one message.
			if (target.getAnnotation(Validated.class) == null) {
				handler = new ValidationBindHandler(handler, StrictPrefixesBindHandlerAdvisor.this.validator.get());
			}
			return handler;
		}

		private BindHandler delegate() {
			return (this.delegate != null) ? this.delegate : this.parent;
		}

		@Override
		public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
				Object result) {
			return delegate().onSuccess(name, target, context, result);
		}

		@Override
		public Object onCreate(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
				Object result) {
			return delegate().onCreate(name, target, context, result);
		}

		@Override
		public Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
				Exception error) throws Exception {
			return delegate().onFailure(name, target, context, error);
		}

		@Override
		public void onFinish(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
				@Nullable Object result) throws Exception {
			delegate().onFinish(name, target, context, result);
		}

	}

}
