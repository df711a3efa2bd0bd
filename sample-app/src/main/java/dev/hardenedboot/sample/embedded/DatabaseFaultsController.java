package dev.hardenedboot.sample.embedded;

import jakarta.validation.constraints.NotNull;

import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The switch of the embedded database's link, so an outage can be shown on demand, as the
 * pricing dependency's faults can. Only with the embedded database: a real one is stopped
 * the real way.
 */
@RestController
@Conditional(NoDataSourceUrlCondition.class)
@RequestMapping("/database/faults")
class DatabaseFaultsController {

	private final DatabaseLink link;

	DatabaseFaultsController(DatabaseLink link) {
		this.link = link;
	}

	@GetMapping
	DatabaseFaults faults() {
		return new DatabaseFaults(this.link.isCut());
	}

	@PutMapping
	DatabaseFaults apply(@RequestBody DatabaseFaults faults) {
		this.link.setCut(faults.blackHole());
		return faults();
	}

	/**
	 * @param blackHole whether the database answers nothing, to anyone
	 */
	record DatabaseFaults(@NotNull Boolean blackHole) {
	}

}
