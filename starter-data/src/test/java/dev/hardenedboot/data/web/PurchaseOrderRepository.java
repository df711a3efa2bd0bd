package dev.hardenedboot.data.web;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PurchaseOrderRepository extends JpaRepository<PurchaseOrder, Long> {

	@Query("select distinct o from PurchaseOrder o left join fetch o.lines order by o.id")
	List<PurchaseOrder> findAllWithLines();

}
