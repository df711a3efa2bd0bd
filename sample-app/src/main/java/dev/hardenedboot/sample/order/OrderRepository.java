package dev.hardenedboot.sample.order;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OrderRepository extends JpaRepository<Order, Long> {

	/** One page of order ids, newest first: paging and a collection fetch join do not mix. */
	@Query("select o.id from Order o order by o.createdAt desc, o.id desc")
	List<Long> newestIds(Pageable page);

	/** Those orders with their lines, in one statement. */
	@Query("select distinct o from Order o left join fetch o.lines where o.id in :ids")
	List<Order> findWithLines(Collection<Long> ids);

}
